package fr.comptoir.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code comptoir} as a child process, as a terminal would, and keeps what it printed: the installed launcher
 * when this process is one (its runtime, its options, its AOT cache; the JVM options then go through
 * {@code JAVA_TOOL_OPTIONS}), else a JVM on this process's own classpath.
 */
final class Comptoirs {

    /** What one run printed, how it ended and how long it took from launch to exit. */
    record Run(List<String> lines, int exit, long wallMillis) {
        String output() {
            return String.join("\n", lines);
        }
    }

    private Comptoirs() {
    }

    /** What {@link #run} starts, for a benchmark's first line. */
    static String describe() {
        String launcher = System.getProperty("jpackage.app-path");
        return launcher != null ? "the installed launcher " + launcher + " (Java " + Runtime.version().feature() + ")"
                : "a JVM on this class path (Java " + Runtime.version().feature() + ")";
    }

    static Run run(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String launcher = System.getProperty("jpackage.app-path");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (launcher != null) {
            command.add(launcher);
            builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
        } else {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("fr.comptoir.launch.ComptoirLauncher");
        }
        command.addAll(args);
        long started = System.nanoTime();
        Process p = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (!p.waitFor(2, TimeUnit.HOURS)) {
            p.destroyForcibly();
            throw new IllegalStateException("comptoir " + String.join(" ", args) + " did not end");
        }
        return new Run(lines, p.exitValue(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Deletes a benchmark's folder and all in it, if it is there. */
    static void deleteTree(java.nio.file.Path root) {
        if (!java.nio.file.Files.exists(root)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
