// Used by build.sh: encodes a .wat file with the text module.
import java.nio.file.*;
public class WatBuild {
    public static void main(String[] a) throws Exception {
        byte[] out = dev.sandpiper.text.Wat.parseModule(Files.readAllBytes(Path.of(a[0])), a[0]);
        Files.write(Path.of(a[1]), out);
    }
}
