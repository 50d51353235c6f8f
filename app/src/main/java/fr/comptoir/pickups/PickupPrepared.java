package fr.comptoir.pickups;

import java.util.List;

/** An order prepared at the desk: where it waits, and per line the units found and those missing. */
public record PickupPrepared(String orderId, String orderNumber, String deviceId, String staffId, String at, String shelf,
                             List<PreparedLine> lines) {

    public PickupPrepared {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record PreparedLine(String lineId, int picked, int missing) {
    }
}
