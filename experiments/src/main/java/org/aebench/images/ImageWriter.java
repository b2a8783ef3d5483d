package org.aebench.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one image writer: grids of tiles as PNG. Each row of the grid is one INDArray whose rows are
 * images (flattened, side x side, or three such planes R, G, B for colour). Pixels are shown on [0,1] (clipped) unless a
 * row asks to be normalised per tile, as filters and activations are (their range is arbitrary).
 *
 * <p>One image pixel per model pixel, one-pixel gaps, greyscale when no row has colour: the site
 * enlarges pictures in the browser ({@code image-rendering: pixelated}), so storing them larger
 * would only cost bytes (the committed baseline keeps every experiment's pictures).
 */
public final class ImageWriter {
    /** One row of a grid: images as rows of {@code tiles}, each {@code side x side}. */
    public record GridRow(INDArray tiles, int side, boolean normalise, int channels) {
        public GridRow(INDArray tiles, int side, boolean normalise) {
            this(tiles, side, normalise, 1);
        }
    }

    private static final int GAP = 1;
    private static final int GAP_SHADE = 0x40;

    private ImageWriter() {}

    public static void write(Path file, List<GridRow> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        encode(render(rows), partial);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static BufferedImage render(List<GridRow> rows) {
        boolean colour = rows.stream().anyMatch(r -> r.channels() == 3);
        int columns = rows.stream().mapToInt(r -> (int) r.tiles().rows()).max().orElse(0);
        int cell = rows.stream().mapToInt(GridRow::side).max().orElse(0) + GAP;
        BufferedImage img = new BufferedImage(Math.max(1, columns * cell + GAP), Math.max(1, rows.size() * cell + GAP),
                colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        int bands = raster.getNumBands();
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) for (int b = 0; b < bands; b++) raster.setSample(x, y, b, GAP_SHADE);
        for (int r = 0; r < rows.size(); r++) {
            GridRow row = rows.get(r);
            for (int c = 0; c < row.tiles().rows(); c++) {
                float[] px = row.tiles().getRow(c).dup().data().asFloat();
                float lo = 0, hi = 1;
                if (row.normalise()) {
                    lo = Float.POSITIVE_INFINITY;
                    hi = Float.NEGATIVE_INFINITY;
                    for (float v : px) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                    if (hi <= lo) hi = lo + 1;
                }
                int ox = GAP + c * cell, oy = GAP + r * cell;
                int plane = row.side() * row.side();
                for (int i = 0; i < row.side(); i++) {
                    for (int j = 0; j < row.side(); j++) {
                        for (int b = 0; b < bands; b++) {
                            int idx = (row.channels() == 3 ? b * plane : 0) + i * row.side() + j;
                            float v = idx < px.length ? (px[idx] - lo) / (hi - lo) : 0;
                            raster.setSample(ox + j, oy + i, b, Math.round(255 * Math.max(0, Math.min(1, v))));
                        }
                    }
                }
            }
        }
        return img;
    }

    /** PNG at the strongest deflate: the pictures are written once and downloaded many times. */
    private static void encode(BufferedImage img, Path file) throws IOException {
        javax.imageio.ImageWriter png = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = png.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0f);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            png.setOutput(out);
            png.write(null, new IIOImage(img, null, null), param);
        } finally {
            png.dispose();
        }
    }
}
