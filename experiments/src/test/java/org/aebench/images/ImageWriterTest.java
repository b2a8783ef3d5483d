package org.aebench.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.aebench.images.ImageWriter.GridRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ImageWriterTest {
    @TempDir Path dir;

    @Test
    void greyTilesAreStoredOnePixelPerModelPixelInAGreyPngThatReadsBackExactly() throws Exception {
        // two 2x2 tiles: values 0, 0.5, 1 and one above 1 (clipped)
        var tiles = Nd4j.createFromArray(new float[][] {{0f, 0.5f, 1f, 2f}, {1f, 1f, 0f, 0f}});
        Path png = dir.resolve("a/grid.png");
        ImageWriter.write(png, List.of(new GridRow(tiles, 2, false)));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        assertEquals(2 * (2 + 1) + 1, img.getWidth(), "two tiles, a gap before, between and after");
        assertEquals(2 + 2, img.getHeight());
        var r = img.getRaster();
        assertEquals(0x40, r.getSample(0, 0, 0), "gap");
        assertEquals(0, r.getSample(1, 1, 0));
        assertEquals(128, r.getSample(2, 1, 0));
        assertEquals(255, r.getSample(1, 2, 0));
        assertEquals(255, r.getSample(2, 2, 0), "clipped to 1");
        assertEquals(0x40, r.getSample(3, 1, 0), "gap between tiles");
        assertEquals(255, r.getSample(4, 1, 0));
        assertEquals(0, r.getSample(5, 2, 0));
        try (var left = Files.list(png.getParent())) {
            assertEquals(List.of(png), left.toList(), "no partial file stays behind");
        }
    }

    @Test
    void aColourRowMakesAnRgbPictureWithItsPlanesAsChannels() throws Exception {
        var rgb = Nd4j.create(DataType.FLOAT, 1, 3);
        rgb.putScalar(0, 0, 1f); // 1x1 tile: red plane 1, green 0, blue 0
        Path png = dir.resolve("colour.png");
        ImageWriter.write(png, List.of(new GridRow(rgb, 1, false, 3)));
        BufferedImage img = ImageIO.read(png.toFile());
        assertFalse(img.getType() == BufferedImage.TYPE_BYTE_GRAY);
        assertEquals(0xFF0000, img.getRGB(1, 1) & 0xFFFFFF);
    }
}
