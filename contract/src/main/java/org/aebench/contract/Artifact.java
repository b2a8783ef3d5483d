package org.aebench.contract;

/**
 * The files a cell may leave in its artifact folder, in the order the site shows them, with what
 * each shows. The runner writes them and the site copies and captions them by these names alone.
 */
public enum Artifact {
    RECONSTRUCTIONS("reconstructions.png", "test images: input, noisy input where the cell has noise, output"),
    TRAINING("training.png", "the same inputs' outputs during training: after epochs 1, 2, 5, 10, 20, 50 and the last (rows), clean target at the bottom"),
    PROBES("probes.png", "probes: Fashion-MNIST items (no digit) and their outputs; digits with noise sigma 0.5 and their outputs"),
    ENCODER_FILTERS("filters-encoder.png", "encoder filters (first layer), each scaled to its own range"),
    DECODER_FILTERS("filters-decoder.png", "decoder filters (last layer), each scaled to its own range"),
    ACTIVATIONS("activations.png", "hidden activations for the first test image (one square per unit)"),
    INTERPOLATION("interpolation.png", "images decoded along the straight line between the codes of two test digits of different classes"),
    CODES("codes.json", "codes of test images (JSON)");

    private final String file;
    private final String caption;

    Artifact(String file, String caption) {
        this.file = file;
        this.caption = caption;
    }

    public String file() { return file; }

    public String caption() { return caption; }

    /** A cell's artifact folder: its id with '/' as '~', one flat folder per cell. */
    public static String folder(String cellId) {
        return cellId.replace('/', '~');
    }
}
