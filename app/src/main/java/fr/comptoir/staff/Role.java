package fr.comptoir.staff;

/** What a staff member may do: managers also approve overrides, open and close the till. */
public enum Role { ASSOCIATE, MANAGER }
