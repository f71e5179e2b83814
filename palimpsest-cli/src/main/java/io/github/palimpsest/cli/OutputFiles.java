package io.github.palimpsest.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import picocli.CommandLine;

/**
 * The files one run of a command reads and writes, checked before any work and committed together.
 *
 * <p>Before any work: an output that is the same file as an input, the key file, the model file or another
 * output (symbolic links followed; hard links and other names of one file found by
 * {@link Files#isSameFile}) is refused, as is an output that is a directory, a block device or a socket, or
 * that cannot be created; {@code -} names standard output, for at most one output. Each refusal is a
 * {@link CommandLine.ParameterException} (exit code 2) naming both options and files.
 *
 * <p>While the run works, each output is written to a temporary file with owner-only permissions: beside
 * the destination for a regular file (so that it can be renamed into place), in the system's temporary
 * directory for standard output, a pipe (FIFO) or a character device. {@link #commit()} then copies the
 * text to standard output, pipes and devices (written in place: they stay what they were), and only then
 * renames every regular output into place, keeping a hard link to each file it replaces until all are in
 * place, so that a failure part way puts every file back. A run that does not commit, fails, or is stopped
 * by SIGINT or SIGTERM (a shutdown hook) deletes its temporary files and changes no output. Text already
 * sent to a pipe or a device cannot be taken back; it is sent first, so that a failure there changes no file.
 */
final class OutputFiles implements AutoCloseable {
    /** The output name that means standard output. */
    static final String STANDARD_OUTPUT = "-";

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final SecureRandom RANDOM = new SecureRandom();
    /** File-type bits of a {@code unix:mode} attribute. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;

    /** How an output reaches its destination. */
    enum Kind {
        /** A regular file, existing or new: written beside it and renamed into place. */
        REPLACE,
        /** An existing pipe or character device: written in place, so it stays what it was. */
        IN_PLACE,
        /** Standard output ({@code -}). */
        STANDARD_OUTPUT
    }

    /** An output as named on the command line, and where it goes ({@code target} is null for standard output). */
    record Destination(String option, Path given, Kind kind, Path target) {
    }

    /** A file a run reads, or an output, with the option that names it (for messages). */
    private record Named(String option, Path path) {
        String describe() {
            return option.isEmpty() ? "input " + path : option + " " + path;
        }
    }

    private final CommandLine cli;
    private final Map<Path, Destination> destinations;
    private final List<AtomicOutput> opened = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private boolean aborted;
    private boolean committed;

    private OutputFiles(CommandLine cli, Map<Path, Destination> destinations) {
        this.cli = cli;
        this.destinations = destinations;
    }

    /** Starts the list of a run's files; {@code cli} reports refusals and provides standard output. */
    static Builder builder(CommandLine cli) {
        return new Builder(cli);
    }

    /** Collects a run's inputs and outputs; {@link #check()} refuses what would destroy data. */
    static final class Builder {
        private final CommandLine cli;
        private final List<Named> inputs = new ArrayList<>();
        private final List<Named> outputs = new ArrayList<>();

        private Builder(CommandLine cli) {
            this.cli = cli;
        }

        /** A file the run reads, named by {@code option} ("" for a positional input); null is ignored. */
        Builder input(String option, Path path) {
            if (path != null) {
                inputs.add(new Named(option, path));
            }
            return this;
        }

        /** Files the run reads, given as positional parameters. */
        Builder inputs(List<Path> paths) {
            if (paths != null) {
                paths.forEach(p -> input("", p));
            }
            return this;
        }

        /** A file the run writes, named by {@code option}; null (the option not given) is ignored. */
        Builder output(String option, Path path) {
            if (path != null) {
                outputs.add(new Named(option, path));
            }
            return this;
        }

        /** Checks every output against the inputs and the other outputs; registers the run for cleanup. */
        OutputFiles check() {
            Map<Path, Destination> destinations = new LinkedHashMap<>();
            Named toStandardOutput = null;
            for (Named output : outputs) {
                if (isStandardOutput(output.path())) {
                    if (toStandardOutput != null) {
                        throw refuse("only one output can go to standard output ('-'): " + toStandardOutput.option()
                                + " and " + output.option() + " both name it");
                    }
                    toStandardOutput = output;
                    destinations.put(output.path(), new Destination(output.option(), output.path(),
                            Kind.STANDARD_OUTPUT, null));
                    continue;
                }
                destinations.put(output.path(), classify(output));
            }
            for (int i = 0; i < outputs.size(); i++) {
                Named output = outputs.get(i);
                if (isStandardOutput(output.path())) {
                    continue;
                }
                for (Named input : inputs) {
                    if (sameFile(output.path(), input.path())) {
                        throw refuse(output.describe() + " is the same file as " + input.describe()
                                + "; an output never overwrites a file the run reads: name another file");
                    }
                }
                for (int j = 0; j < i; j++) {
                    Named other = outputs.get(j);
                    if (!isStandardOutput(other.path()) && sameFile(output.path(), other.path())) {
                        throw refuse(output.describe() + " is the same file as " + other.describe()
                                + "; each output needs its own file");
                    }
                }
            }
            OutputFiles files = new OutputFiles(cli, destinations);
            Cleanup.LIVE.add(files);
            return files;
        }

        private Destination classify(Named output) {
            Path path = output.path();
            if (Files.isDirectory(path)) {
                throw refuse(output.describe() + " is a directory; name a file");
            }
            if (Files.exists(path)) {
                if (Files.isRegularFile(path)) {
                    Path target = realPath(path);
                    requireWritableDirectory(output, target.getParent());
                    return new Destination(output.option(), path, Kind.REPLACE, target);
                }
                if (isPipeOrCharacterDevice(path)) {
                    if (!Files.isWritable(path)) {
                        throw refuse(output.describe() + " cannot be written (permission denied)");
                    }
                    return new Destination(output.option(), path, Kind.IN_PLACE, path);
                }
                throw refuse(output.describe() + " is neither a regular file, a pipe nor a character device");
            }
            Path target = location(path);
            Path ancestor = target.getParent();
            while (ancestor != null && !Files.exists(ancestor)) {
                ancestor = ancestor.getParent();
            }
            if (ancestor != null && !Files.isDirectory(ancestor)) {
                throw refuse(output.describe() + " cannot be created: " + ancestor + " is not a directory");
            }
            requireWritableDirectory(output, ancestor);
            return new Destination(output.option(), path, Kind.REPLACE, target);
        }

        private void requireWritableDirectory(Named output, Path dir) {
            if (dir != null && !Files.isWritable(dir)) {
                throw refuse(output.describe() + " cannot be written: the directory " + dir + " is not writable "
                        + "(an output is written beside its destination and renamed into place)");
            }
        }

        private CommandLine.ParameterException refuse(String message) {
            return new CommandLine.ParameterException(cli, message + " (nothing was read or written)");
        }
    }

    static boolean isStandardOutput(Path path) {
        return path != null && path.toString().equals(STANDARD_OUTPUT);
    }

    /**
     * Whether two names reach the same file: for existing files by {@link Files#isSameFile} (links followed,
     * hard links found), else by where they would be created. A character device read and written (a
     * terminal) or written twice (the null device) loses nothing and is allowed.
     */
    static boolean sameFile(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b) && !isCharacterDevice(a);
            } catch (IOException e) {
                return false;
            }
        }
        return location(a).equals(location(b));
    }

    /** Where a file that may not exist yet would be: symbolic links followed, in absolute normal form. */
    static Path location(Path path) {
        Path current = path.toAbsolutePath().normalize();
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(current) && !Files.exists(current); hops++) {
            try {
                // A link to a file not yet made: the run would create the file it points to.
                Path link = Files.readSymbolicLink(current);
                current = current.resolveSibling(link).toAbsolutePath().normalize();
            } catch (IOException e) {
                break;
            }
        }
        if (Files.exists(current)) {
            return realPath(current);
        }
        Path ancestor = current.getParent();
        List<Path> rest = new ArrayList<>();
        rest.add(current.getFileName());
        while (ancestor != null && !Files.exists(ancestor)) {
            rest.add(0, ancestor.getFileName());
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return current;
        }
        Path result = realPath(ancestor);
        for (Path part : rest) {
            result = result.resolve(part);
        }
        return result;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static int fileType(Path path) {
        try {
            return ((Integer) Files.getAttribute(path, "unix:mode")) & S_IFMT;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    private static boolean isCharacterDevice(Path path) {
        return fileType(path) == S_IFCHR;
    }

    private static boolean isPipeOrCharacterDevice(Path path) {
        int type = fileType(path);
        // Without unix attributes, "other" (neither file, directory nor link) is written in place.
        return type == S_IFIFO || type == S_IFCHR || (type == -1 && isOther(path));
    }

    private static boolean isOther(Path path) {
        try {
            return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).isOther();
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether an output goes to standard output, so that the run's summary must go to standard error. */
    boolean writesStandardOutput() {
        return destinations.values().stream().anyMatch(d -> d.kind() == Kind.STANDARD_OUTPUT);
    }

    /** Where the run's summary goes: standard output, or standard error when an output is standard output. */
    PrintWriter summary() {
        return writesStandardOutput() ? cli.getErr() : cli.getOut();
    }

    /** What the run's messages call an output: its name, or "standard output". */
    static String describe(Path output) {
        return isStandardOutput(output) ? "standard output" : output.toString();
    }

    /** Starts writing the output named {@code path} (as given to the builder) to its temporary file. */
    AtomicOutput open(Path path) {
        Destination destination = destinations.get(path);
        if (destination == null) {
            throw new IllegalArgumentException("not an output of this run: " + path);
        }
        lock.lock();
        try {
            if (aborted || committed) {
                throw new IllegalStateException("the run's outputs are " + (aborted ? "abandoned" : "committed"));
            }
            Path temporary = createTemporary(destination);
            try {
                AtomicOutput output = new AtomicOutput(destination, temporary);
                opened.add(output);
                return output;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
        } catch (IOException e) {
            throw new CliInputException(describe(path) + ": cannot be written: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static Path createTemporary(Destination destination) throws IOException {
        if (destination.kind() != Kind.REPLACE) {
            return createOwnerOnly(null, "palimpsest-", ".partial");
        }
        Path dir = destination.target().getParent();
        Files.createDirectories(dir);
        return createOwnerOnly(dir, "." + destination.target().getFileName() + ".", ".partial");
    }

    private static Path createOwnerOnly(Path dir, String prefix, String suffix) throws IOException {
        Path base = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        if (base.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(base, prefix, suffix, OWNER_ONLY);
        }
        return Files.createTempFile(base, prefix, suffix);
    }

    /**
     * Puts every output opened in place, all or none: standard output, pipes and devices are written first,
     * then regular files are renamed into place; if a rename fails, the files already replaced are put back.
     */
    void commit() throws IOException {
        List<AtomicOutput> outputs;
        lock.lock();
        try {
            checkLive();
            outputs = List.copyOf(opened);
            for (AtomicOutput output : outputs) {
                output.finish();
            }
        } finally {
            lock.unlock();
        }
        // Written without the lock: a stop signal while a pipe's reader is slow must not wait for it.
        for (AtomicOutput output : outputs) {
            if (output.destination().kind() != Kind.REPLACE) {
                copyOut(output);
            }
        }
        lock.lock();
        try {
            checkLive();
            replaceAll(outputs.stream().filter(o -> o.destination().kind() == Kind.REPLACE).toList());
            committed = true;
        } finally {
            lock.unlock();
        }
    }

    private void checkLive() throws IOException {
        if (aborted) {
            throw new IOException("the run was stopped; no output was changed");
        }
        if (committed) {
            throw new IllegalStateException("already committed");
        }
    }

    private void copyOut(AtomicOutput output) throws IOException {
        Destination destination = output.destination();
        if (destination.kind() == Kind.STANDARD_OUTPUT) {
            PrintWriter out = cli.getOut();
            try (Reader in = Files.newBufferedReader(output.temporary(), StandardCharsets.UTF_8)) {
                in.transferTo(out);
            }
            out.flush();
            if (out.checkError()) {
                throw new IOException("standard output could not be written (closed early?)");
            }
            return;
        }
        try (OutputStream out = Files.newOutputStream(destination.target(), StandardOpenOption.WRITE)) {
            Files.copy(output.temporary(), out);
        } catch (IOException e) {
            throw new IOException(destination.given() + ": cannot be written: " + e.getMessage(), e);
        }
    }

    /** A regular output renamed into place, and the hard link to the file it replaced (null if it was new). */
    private record Replaced(Path target, Path backup) {
    }

    private static void replaceAll(List<AtomicOutput> outputs) throws IOException {
        List<Replaced> done = new ArrayList<>();
        try {
            for (AtomicOutput output : outputs) {
                Path target = output.destination().target();
                Path backup = null;
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException(output.destination().given() + ": is no longer a regular file; "
                                + "it changed while the run worked");
                    }
                    backup = keep(target);
                    copyPermissions(target, output.temporary());
                }
                done.add(new Replaced(target, backup));
                move(output.temporary(), target);
            }
        } catch (IOException | RuntimeException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                Replaced r = done.get(i);
                try {
                    if (r.backup() != null) {
                        move(r.backup(), r.target());
                    } else {
                        Files.deleteIfExists(r.target());
                    }
                } catch (IOException | RuntimeException undo) {
                    // The backup is left where it is: it holds the only copy of the file it replaced.
                    e.addSuppressed(new IOException(r.target() + ": could not be put back; its previous "
                            + "content is in " + r.backup(), undo));
                }
            }
            throw e;
        }
        for (Replaced r : done) {
            if (r.backup() != null) {
                Files.deleteIfExists(r.backup());
            }
        }
    }

    /** A second name for {@code target} beside it (a hard link, else a copy), to put it back if need be. */
    private static Path keep(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path backup = target.resolveSibling("." + target.getFileName() + "."
                    + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".old");
            try {
                try {
                    return Files.createLink(backup, target);
                } catch (UnsupportedOperationException | IOException noLink) {
                    if (noLink instanceof FileAlreadyExistsException) {
                        throw (FileAlreadyExistsException) noLink;
                    }
                    return Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
                }
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** A replaced file keeps its permissions; a new one stays owner-only. */
    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException ignored) {
            // Owner-only, as written: never less safe than the file it replaces.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes every temporary file unless the run committed; always safe to call. */
    @Override
    public void close() {
        lock.lock();
        try {
            discardUnlessCommitted();
        } finally {
            lock.unlock();
            Cleanup.LIVE.remove(this);
        }
    }

    private void discardUnlessCommitted() {
        if (!committed) {
            for (AtomicOutput output : opened) {
                output.discard();
            }
            opened.clear();
        }
    }

    /** Called by the shutdown hook: waits for a rename in progress, then abandons the run. */
    void abort() {
        boolean locked = false;
        try {
            locked = lock.tryLock(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            aborted = true;
            discardUnlessCommitted();
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /** Runs that have not finished; on SIGINT or SIGTERM their temporary files are deleted. */
    private static final class Cleanup {
        static final Set<OutputFiles> LIVE = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(OutputFiles::abort),
                    "palimpsest-output-cleanup"));
        }

        private Cleanup() {
        }
    }
}
