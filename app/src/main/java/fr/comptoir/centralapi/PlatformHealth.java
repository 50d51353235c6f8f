package fr.comptoir.centralapi;

/** What the central platform says of itself when asked whether it is up. */
public record PlatformHealth(String name, String version) {
}
