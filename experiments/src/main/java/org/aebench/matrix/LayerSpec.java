package org.aebench.matrix;

/** One fully connected layer, written in the matrix as {@code "units:activation"}, e.g. {@code 512:relu}. */
public record LayerSpec(int units, Activation activation) {

    /** Parses {@code "512:relu"}; returns null and lets the caller report the error when malformed. */
    public static LayerSpec parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 2) return null;
        Activation a = Activation.of(parts[1].trim());
        if (a == null) return null;
        try {
            int units = Integer.parseInt(parts[0].trim());
            return units > 0 ? new LayerSpec(units, a) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() { return units + ":" + activation; }
}
