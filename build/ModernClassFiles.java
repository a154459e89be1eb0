import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Raises the class files of Java 5 and older (version 49 and below) in every jar of a folder to
 * Java 6's format with stack maps computed (version 50: what the JVM verifies by type checking), using
 * the JDK's class-file API. The JDK 25 start-up cache can't hold such old classes once they were
 * linked ("Skipping ...: Old class has been linked"): picocli 4.7 is built for Java 5, so its 170-odd
 * classes were read from the jar and verified at every start of the console (about 160 ms here). A
 * class that can't be raised (old jsr/ret subroutines) is left as it was; a jar with nothing old is
 * not touched, so its time of change stays. Run by console-app (target/libs) and packaging
 * (target/input): {@code java build/ModernClassFiles.java FOLDER}.
 */
public final class ModernClassFiles {

    private static final int RAISED_TO = ClassFile.JAVA_6_VERSION;

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "*.jar")) {
            found.forEach(jars::add);
        }
        Collections.sort(jars);
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        // stack maps need the common super class of two types: read from the folder's jars, then the JDK's
        try (URLClassLoader classes = new URLClassLoader(urls, null)) {
            ClassFile classFile = ClassFile.of(
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))),
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
            for (Path jar : jars) {
                int raised = raise(classFile, jar);
                if (raised > 0) {
                    System.out.printf("%s: %d classes raised to version %d%n", jar.getFileName(), raised, RAISED_TO);
                }
            }
        }
    }

    private static int raise(ClassFile classFile, Path jar) throws IOException {
        Path raisedJar = jar.resolveSibling(jar.getFileName() + ".raised");
        int raised = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(raisedJar);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (var stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    byte[] modern = raised(classFile, bytes);
                    if (modern != bytes) {
                        bytes = modern;
                        raised++;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                copy.setMethod(ZipEntry.DEFLATED);
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (raised > 0) {
            Files.move(raisedJar, jar, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(raisedJar);
        }
        return raised;
    }

    /** The class at version 50 with stack maps; the same array when it is new enough or can't be raised. */
    private static byte[] raised(ClassFile classFile, byte[] bytes) {
        ClassModel model = classFile.parse(bytes);
        if (model.majorVersion() >= RAISED_TO) {
            return bytes;
        }
        try {
            // rebuilding every method body is what makes the API compute its stack map
            ClassTransform raise = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen((builder, element) -> {
                        if (element instanceof ClassFileVersion) {
                            builder.withVersion(RAISED_TO, 0);
                        } else {
                            builder.with(element);
                        }
                    });
            return classFile.transformClass(model, raise);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.out.printf("  left as it was: %s (%s)%n", model.thisClass().asInternalName(), e.getMessage());
            return bytes;
        }
    }
}
