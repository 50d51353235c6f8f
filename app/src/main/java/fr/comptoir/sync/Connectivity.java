package fr.comptoir.sync;

/** Whether the central platform answered the last time Comptoir asked. */
public enum Connectivity { UNKNOWN, ONLINE, OFFLINE }
