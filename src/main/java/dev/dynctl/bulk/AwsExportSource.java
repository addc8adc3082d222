package dev.dynctl.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The folder AWS's export to S3 writes (downloaded, e.g. with {@code aws s3 cp --recursive}):
 * manifest-summary.json, manifest-files.json (one line per data file) and data/*.json.gz, each a
 * file of {"Item": {…}} lines. The data files are read in the order manifest-files.json lists
 * them, as one stream whose ordinals run on from file to file; without manifest-files.json, in the
 * order of their names.
 */
final class AwsExportSource implements ItemSource {
    static final String SUMMARY = "manifest-summary.json";
    static final String FILES = "manifest-files.json";
    private static final String DATA = "data";

    private final Path folder;
    private final Iterator<Path> files;
    private ItemSource current;
    private long ordinal;

    private AwsExportSource(Path folder, List<Path> files) {
        this.folder = folder;
        this.files = files.iterator();
    }

    /** True when the path is an export folder or its manifest-summary.json. */
    static boolean isExport(Path path) {
        return Files.isDirectory(path) ? Files.isRegularFile(path.resolve(SUMMARY)) : path.getFileName() != null
                && path.getFileName().toString().equals(SUMMARY);
    }

    static AwsExportSource open(Path path) {
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        checkSummary(folder.resolve(SUMMARY));
        return new AwsExportSource(folder, dataFiles(folder));
    }

    /** Only full exports in DynamoDB JSON are items; ION and incremental exports (changes, not items) are refused. */
    private static void checkSummary(Path summary) {
        JsonNode node = readJson(summary);
        String format = node.path("outputFormat").asText("DYNAMODB_JSON");
        if (!format.equals("DYNAMODB_JSON")) {
            throw DynctlException.usage("The export in " + summary.getParent() + " is in " + format + "; dynctl reads DYNAMODB_JSON exports.",
                    "Export again with --export-format DYNAMODB_JSON.");
        }
        String type = node.path("exportType").asText("FULL_EXPORT");
        if (!type.equals("FULL_EXPORT")) {
            throw DynctlException.usage("The export in " + summary.getParent() + " is an " + type
                    + ": it holds changes, not the table's items.", "Import a full export.");
        }
    }

    private static List<Path> dataFiles(Path folder) {
        Path manifest = folder.resolve(FILES);
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(manifest)) {
            try (BufferedReader lines = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        files.add(localFile(folder, Json.MAPPER.readTree(line).path("dataFileS3Key").asText()));
                    }
                }
            } catch (IOException e) {
                throw DynctlException.usage("Cannot read " + manifest + ": " + e.getMessage() + ".");
            }
            return files;
        }
        try (Stream<Path> data = Files.list(folder.resolve(DATA))) {
            data.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw DynctlException.usage("Cannot list " + folder.resolve(DATA) + ": " + e.getMessage() + ".");
        }
        return files;
    }

    /** An S3 key (AWSDynamoDB/0123-abcd/data/xyz.json.gz) as the file in the downloaded folder. */
    private static Path localFile(Path folder, String s3Key) {
        if (s3Key.isEmpty()) {
            throw DynctlException.usage(folder.resolve(FILES) + " has a line without dataFileS3Key.");
        }
        return folder.resolve(DATA).resolve(s3Key.substring(s3Key.lastIndexOf('/') + 1));
    }

    private static JsonNode readJson(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + file + ": " + e.getMessage() + ".");
        }
    }

    @Override
    public boolean hasNext() {
        while (current == null || !current.hasNext()) {
            if (current != null) {
                current.close();
                current = null;
            }
            if (!files.hasNext()) {
                return false;
            }
            Path file = files.next();
            current = ItemSources.file(file, BulkFormat.DDB_JSONL, folder.relativize(file).toString());
        }
        return true;
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return new Entry(ordinal++, current.next().item());
    }

    @Override
    public String description() {
        return "export folder " + folder;
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
    }
}
