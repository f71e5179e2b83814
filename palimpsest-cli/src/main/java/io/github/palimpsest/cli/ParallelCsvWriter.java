package io.github.palimpsest.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes many CSV rows with the text of each block of rows built on several threads and the blocks written
 * in order, so the file is byte for byte what one {@link CSVPrinter} would write. Only a few blocks are held
 * at once. Used for the outputs of a million records, where formatting, not the disk, was the cost.
 */
final class ParallelCsvWriter {
    private static final int ROWS_PER_BLOCK = 4096;
    private static final int BLOCKS_PER_THREAD = 4;
    private static final CSVFormat ROWS = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** Prints row {@code index} to a printer. */
    @FunctionalInterface
    interface RowPrinter {
        void print(int index, CSVPrinter printer) throws IOException;
    }

    private ParallelCsvWriter() {
    }

    /** Writes rows {@code 0 .. rows - 1} after whatever the writer already holds (the header). */
    static void write(Writer out, int rows, int threads, RowPrinter printer) throws IOException {
        int blocks = (rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        int window = Math.max(1, threads * BLOCKS_PER_THREAD);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int first = 0; first < blocks; first += window) {
                int from = first;
                int to = Math.min(blocks, first + window);
                String[] text = new String[to - from];
                pool.submit(() -> IntStream.range(from, to).parallel().forEach(b -> text[b - from] = block(b, rows,
                        printer))).join();
                for (String block : text) {
                    out.write(block);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            pool.shutdown();
        }
    }

    private static String block(int block, int rows, RowPrinter printer) {
        StringBuilder text = new StringBuilder(ROWS_PER_BLOCK * 64);
        try (CSVPrinter csv = new CSVPrinter(text, ROWS)) {
            int end = Math.min(rows, (block + 1) * ROWS_PER_BLOCK);
            for (int i = block * ROWS_PER_BLOCK; i < end; i++) {
                printer.print(i, csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
