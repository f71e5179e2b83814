package io.github.palimpsest.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.palimpsest.Linker;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public surface of the library, checked against a listing in the source tree
 * ({@code src/test/resources/api/public-api.txt}), so that every change to it is a deliberate one.
 *
 * <p>The exported packages are read from the compiled module descriptor ({@code module-info.class} beside the
 * library's classes), not from a list in this test: a newly exported package appears in the listing at once.
 * Every public or protected type of those packages (nested ones too, when reachable from outside) and every
 * public or protected constructor, method and field it declares is written as one line, with generic types,
 * sorted. Surefire runs the tests on the class path, where {@code Class.getModule()} is the unnamed module;
 * reading the descriptor itself works on both paths.
 *
 * <p>To accept a change: {@code ./mvnw -q -o test -pl palimpsest -Dtest=PublicApiTest -Dapi.accept=true}
 * rewrites the listing; review its diff and commit it with the change.
 */
class PublicApiTest {

    /** The listing, relative to the module's folder (surefire runs the tests there). */
    private static final Path LISTING = Path.of("src/test/resources/api/public-api.txt");
    /** The library's sources, relative to the module's folder. */
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void publicSurfaceMatchesTheCheckedInListing() throws IOException, URISyntaxException {
        List<String> actual = listing();
        if (Boolean.getBoolean("api.accept")) {
            Files.createDirectories(LISTING.getParent());
            Files.write(LISTING, actual, StandardCharsets.UTF_8);
            return;
        }
        assertFalse(actual.isEmpty(), "no exported type found");
        List<String> expected = Files.exists(LISTING)
                ? Files.readAllLines(LISTING, StandardCharsets.UTF_8) : List.of();
        if (!expected.equals(actual)) {
            Set<String> removed = new TreeSet<>(expected);
            actual.forEach(removed::remove);
            Set<String> added = new TreeSet<>(actual);
            expected.forEach(added::remove);
            StringBuilder message = new StringBuilder("The public API differs from ")
                    .append(LISTING).append(" (").append(removed.size()).append(" removed, ")
                    .append(added.size()).append(" added).\n");
            removed.forEach(line -> message.append("- ").append(line).append('\n'));
            added.forEach(line -> message.append("+ ").append(line).append('\n'));
            message.append("If the change is deliberate, accept it with\n  ./mvnw -q -o test -pl palimpsest "
                    + "-Dtest=PublicApiTest -Dapi.accept=true\nand commit the listing with the change.");
            fail(message.toString());
        }
    }

    /**
     * Every exported package, a new one too, says what it is for and shows its use: a package-info with an
     * example ({@code <pre>{@code ...}}).
     */
    @Test
    void everyExportedPackageHasAPackageInfoWithAnExample() throws IOException, URISyntaxException {
        List<String> missing = new ArrayList<>();
        for (ModuleDescriptor.Exports export : descriptor().exports()) {
            if (export.isQualified()) {
                continue;
            }
            Path info = SOURCES.resolve(export.source().replace('.', '/')).resolve("package-info.java");
            if (!Files.exists(info) || !Files.readString(info, StandardCharsets.UTF_8).contains("<pre>{@code")) {
                missing.add(export.source());
            }
        }
        assertTrue(missing.isEmpty(), "exported packages without a package-info example: " + missing);
    }

    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    /** The library's compiled classes (target/classes), where module-info.class lies beside the packages. */
    private static Path classes() throws URISyntaxException {
        return Path.of(Linker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** One line per exported package, type and member; sorted so that a type's members follow it. */
    static List<String> listing() throws IOException, URISyntaxException {
        Path classes = classes();
        List<String> lines = new ArrayList<>();
        for (ModuleDescriptor.Exports export : descriptor().exports()) {
            if (export.isQualified()) {
                continue;   // exported to named friends only: not the embedding developer's API
            }
            String pkg = export.source();
            lines.add(pkg);
            for (Class<?> type : topLevelTypes(classes, pkg)) {
                describe(type, lines);
            }
        }
        // Nested types as in source (Link.Decision, not the binary Link$Decision); no library name holds a '$'.
        lines.replaceAll(line -> line.replace('$', '.'));
        lines.sort(Comparator.naturalOrder());
        return lines;
    }

    private static List<Class<?>> topLevelTypes(Path classes, String pkg) throws IOException {
        Path dir = classes.resolve(pkg.replace('.', '/'));
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                    continue;
                }
                String binary = pkg + "." + name.substring(0, name.length() - ".class".length());
                try {
                    types.add(Class.forName(binary, false, Linker.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(binary, e);
                }
            }
        }
        return types;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void describe(Class<?> type, List<String> lines) {
        if (!visible(type.getModifiers()) || type.isSynthetic() || type.isAnonymousClass()
                || type.isLocalClass()) {
            return;
        }
        String name = type.getCanonicalName();
        lines.add(name + " " + header(type));
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers()) && !c.isSynthetic()) {
                lines.add(name + " " + modifiers(c.getModifiers()) + "new" + typeParameters(c.getTypeParameters())
                        + parameters(c) + exceptions(c));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                int mods = m.getModifiers();
                if (type.isInterface()) {
                    mods &= ~(Modifier.PUBLIC | Modifier.ABSTRACT);   // implied in an interface
                }
                String prefix = m.isDefault() ? "default " : "";
                lines.add(name + " " + prefix + modifiers(mods) + typeParameters(m.getTypeParameters())
                        + m.getGenericReturnType().getTypeName() + " " + m.getName() + parameters(m) + exceptions(m));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                int mods = type.isInterface() ? f.getModifiers() & ~(Modifier.PUBLIC | Modifier.STATIC
                        | Modifier.FINAL) : f.getModifiers();
                lines.add(name + " " + (f.isEnumConstant() ? "enum constant " : "field " + modifiers(mods))
                        + (f.isEnumConstant() ? "" : f.getGenericType().getTypeName() + " ") + f.getName());
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            describe(nested, lines);
        }
    }

    /** The type's kind, modifiers, type parameters and supertypes, e.g. {@code public final class Foo<T> implements Bar}. */
    private static String header(Class<?> type) {
        String kind;
        int mods = type.getModifiers();
        if (type.isAnnotation()) {
            kind = "@interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE | Modifier.STATIC);
        } else if (type.isInterface()) {
            kind = "interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE | Modifier.STATIC);
        } else if (type.isEnum()) {
            kind = "enum";
            mods &= ~(Modifier.FINAL | Modifier.STATIC | Modifier.ABSTRACT);
        } else if (type.isRecord()) {
            kind = "record";
            mods &= ~(Modifier.FINAL | Modifier.STATIC);
        } else {
            kind = "class";
        }
        StringBuilder header = new StringBuilder(": ").append(modifiers(mods)).append(kind)
                .append(typeParameters(type.getTypeParameters()));
        if (type.isRecord()) {
            header.append(Arrays.stream(type.getRecordComponents())
                    .map(c -> c.getGenericType().getTypeName() + " " + c.getName())
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            header.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            header.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                    .map(Type::getTypeName).sorted().collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            header.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return header.toString();
    }

    private static String modifiers(int mods) {
        String text = Modifier.toString(mods & ~(Modifier.TRANSIENT | Modifier.VOLATILE | Modifier.SYNCHRONIZED
                | Modifier.NATIVE | Modifier.STRICT));
        return text.isEmpty() ? "" : text + " ";
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(v -> {
            String bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class)
                    .map(Type::getTypeName).collect(Collectors.joining(" & "));
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + bounds;
        }).collect(Collectors.joining(", ", "<", "> "));
    }

    private static String parameters(Executable executable) {
        Type[] types = executable.getGenericParameterTypes();
        // A non-static inner class's constructor and an enum's take hidden parameters that
        // getGenericParameterTypes leaves out when a Signature attribute exists; Parameter covers both cases.
        Parameter[] params = executable.getParameters();
        List<String> names = new ArrayList<>();
        if (types.length == params.length) {
            for (int i = 0; i < types.length; i++) {
                String text = types[i].getTypeName();
                if (executable.isVarArgs() && i == types.length - 1 && text.endsWith("[]")) {
                    text = text.substring(0, text.length() - 2) + "...";
                }
                names.add(text);
            }
        } else {
            for (Parameter p : params) {
                if (!p.isSynthetic() && !p.isImplicit()) {
                    names.add(p.getParameterizedType().getTypeName());
                }
            }
        }
        return names.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    private static String exceptions(Executable executable) {
        Type[] thrown = executable.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return Arrays.stream(thrown).map(Type::getTypeName).sorted()
                .collect(Collectors.joining(", ", " throws ", ""));
    }
}
