package fr.comptoir;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppHomeTest {

    private static Path resolve(Path explicit, Map<String, String> env, Map<String, String> properties) {
        return AppHome.resolve(explicit, env::get, properties::get);
    }

    @Test
    void anInstalledTerminalKeepsItsDataInTheMachineFolderOfItsOs() {
        Map<String, String> windowsEnv = Map.of("ProgramData", "D:\\Data");
        assertThat(resolve(null, Map.of(), Map.of("comptoir.installed", "true", "os.name", "Linux", "user.home", "/home/camille")))
                .isEqualTo(Path.of("/var/lib/comptoir"));
        assertThat(resolve(null, Map.of(), Map.of("comptoir.installed", "true", "os.name", "Mac OS X", "user.home", "/Users/camille")))
                .isEqualTo(Path.of("/Library/Application Support/Comptoir"));
        assertThat(AppHome.machineFolder("Windows 11", windowsEnv::get)).isEqualTo(Path.of("D:\\Data", "Comptoir"));
        assertThat(AppHome.machineFolder("Windows 11", name -> null)).isEqualTo(Path.of("C:\\ProgramData", "Comptoir"));
    }

    @Test
    void aDeveloperCheckoutKeepsItsDataInTheHomeFolderAndAnExplicitFolderAlwaysWins() {
        assertThat(resolve(null, Map.of(), Map.of("os.name", "Linux", "user.home", "/home/dev"))).isEqualTo(Path.of("/home/dev/.comptoir"));
        assertThat(resolve(null, Map.of("COMPTOIR_HOME", "/srv/till"), Map.of("comptoir.installed", "true", "os.name", "Linux")))
                .isEqualTo(Path.of("/srv/till"));
        assertThat(resolve(Path.of("/tmp/t"), Map.of("COMPTOIR_HOME", "/srv/till"), Map.of("comptoir.installed", "true", "os.name", "Linux")))
                .isEqualTo(Path.of("/tmp/t"));
        assertThat(resolve(null, Map.of(), Map.of("comptoir.installed", "false", "os.name", "Linux", "user.home", "/home/dev")))
                .isEqualTo(Path.of("/home/dev/.comptoir"));
    }
}
