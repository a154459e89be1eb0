import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the installers' icon: a rounded dark-blue tile with a live chart line and two green
 * "service up" lights. Writes opsconsole.png (Linux), opsconsole.ico (Windows) and
 * opsconsole.icns (macOS), the last two wrapping the same 256x256 PNG.
 * Run from this folder with a JDK: {@code java DrawIcon.java ../main/icons}
 */
public final class DrawIcon {

    private static final int SIZE = 256;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        byte[] png = png(draw());
        Files.write(out.resolve("opsconsole.png"), png);
        Files.write(out.resolve("opsconsole.ico"), ico(png));
        Files.write(out.resolve("opsconsole.icns"), icns(png));
    }

    static BufferedImage draw() {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        // the tile
        RoundRectangle2D tile = new RoundRectangle2D.Double(8, 8, SIZE - 16, SIZE - 16, 56, 56);
        g.setPaint(new GradientPaint(0, 8, new Color(0x2B5C8A), 0, SIZE - 8, new Color(0x14283F)));
        g.fill(tile);

        // a faint grid, like a chart's
        g.setColor(new Color(255, 255, 255, 28));
        g.setStroke(new BasicStroke(2f));
        for (int y = 64; y <= 192; y += 32) {
            g.drawLine(36, y, SIZE - 36, y);
        }

        // the live line
        Path2D line = new Path2D.Double();
        double[][] points = {{36, 150}, {72, 150}, {92, 118}, {112, 176}, {136, 70}, {158, 160},
            {176, 132}, {220, 132}};
        line.moveTo(points[0][0], points[0][1]);
        for (int i = 1; i < points.length; i++) {
            line.lineTo(points[i][0], points[i][1]);
        }
        g.setColor(new Color(0x58C4F6));
        g.setStroke(new BasicStroke(14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);

        // two services, both up
        g.setColor(new Color(0x3FB950));
        g.fillOval(40, 200, 22, 22);
        g.fillOval(72, 200, 22, 22);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** One 256x256 PNG entry; Windows Vista and later read PNG inside .ico. */
    static byte[] ico(byte[] png) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, one image
        b.put((byte) 0).put((byte) 0); // width, height: 0 means 256
        b.put((byte) 0).put((byte) 0); // no palette, reserved
        b.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
        b.putInt(png.length).putInt(6 + 16); // size and offset of the image data
        b.put(png);
        return b.array();
    }

    /** One 'ic08' (256x256) entry holding the PNG; macOS 10.5 and later read PNG inside .icns. */
    static byte[] icns(byte[] png) {
        int entry = 8 + png.length;
        ByteBuffer b = ByteBuffer.allocate(8 + entry).order(ByteOrder.BIG_ENDIAN);
        b.put("icns".getBytes()).putInt(8 + entry);
        b.put("ic08".getBytes()).putInt(entry).put(png);
        return b.array();
    }
}
