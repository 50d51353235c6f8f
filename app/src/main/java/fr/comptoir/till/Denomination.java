package fr.comptoir.till;

/** Euro notes and coins, as a float or a drawer is counted. */
public enum Denomination {
    NOTE_500(50_000), NOTE_200(20_000), NOTE_100(10_000), NOTE_50(5_000), NOTE_20(2_000), NOTE_10(1_000), NOTE_5(500),
    COIN_2(200), COIN_1(100), COIN_50C(50), COIN_20C(20), COIN_10C(10), COIN_5C(5), COIN_2C(2), COIN_1C(1);

    private final long cents;

    Denomination(long cents) {
        this.cents = cents;
    }

    public long cents() {
        return cents;
    }

    public boolean note() {
        return name().startsWith("NOTE");
    }
}
