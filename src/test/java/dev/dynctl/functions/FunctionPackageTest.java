package dev.dynctl.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionPackageTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryIsZippedWithSortedEntriesAndOneFixedTime() throws IOException {
        Path code = code("b.py", "lib/z.py", "a.py", "lib/sub/x.txt");
        FunctionPackage zip = FunctionPackage.of(code);

        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.zip()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal()).isEqualTo("1980-01-01T00:00");
                if (!entry.isDirectory()) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("content of " + entry.getName());
                }
            }
        }
        assertThat(names).containsExactly("a.py", "b.py", "lib/", "lib/sub/", "lib/sub/x.txt", "lib/z.py");
        assertThat(zip.source()).isEqualTo("directory " + code);
    }

    @Test
    void theSameFilesGiveTheSameBytesWhateverTheirTimes() throws IOException {
        Path code = code("app.py", "lib/util.py");
        String before = FunctionPackage.of(code).sha256();
        Files.setLastModifiedTime(code.resolve("app.py"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        assertThat(FunctionPackage.of(code).sha256()).isEqualTo(before);

        Files.writeString(code.resolve("app.py"), "changed");
        assertThat(FunctionPackage.of(code).sha256()).isNotEqualTo(before);
    }

    @Test
    void byteCodeAndVersionControlFilesAreLeftOutSoALocalRunChangesNothing() throws IOException {
        Path code = code("app.py", "lib/util.py");
        String before = FunctionPackage.of(code).sha256();
        Files.createDirectories(code.resolve("__pycache__"));
        Files.writeString(code.resolve("__pycache__/app.cpython-312.pyc"), "byte code");
        Files.writeString(code.resolve("lib/util.pyc"), "byte code");
        Files.createDirectories(code.resolve(".git"));
        Files.writeString(code.resolve(".git/HEAD"), "ref: refs/heads/main");
        Files.writeString(code.resolve(".DS_Store"), "finder");
        assertThat(FunctionPackage.of(code).sha256()).isEqualTo(before);
    }

    /** A custom runtime's bootstrap (Go, Rust on provided.al2023) must stay executable, or Lambda cannot start it. */
    @Test
    void filesKeepTheirExecuteBitAndEverythingIsReadableByAll() throws Exception {
        Path code = code("bootstrap", "lib/data.txt", "run.sh");
        Files.setPosixFilePermissions(code.resolve("bootstrap"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(code.resolve("run.sh"), PosixFilePermissions.fromString("rw-r-x---"));
        Files.setPosixFilePermissions(code.resolve("lib/data.txt"), PosixFilePermissions.fromString("rw-------"));
        byte[] zip = FunctionPackage.of(code).zip();

        Map<String, Integer> modes = new TreeMap<>();
        try (ZipFile read = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (ZipArchiveEntry entry : Collections.list(read.getEntries())) {
                assertThat(entry.getPlatform()).isEqualTo(ZipArchiveEntry.PLATFORM_UNIX);
                modes.put(entry.getName(), entry.getUnixMode());
            }
        }
        assertThat(modes).containsExactly(Map.entry("bootstrap", 0100755), Map.entry("lib/", 040755),
                Map.entry("lib/data.txt", 0100644), Map.entry("run.sh", 0100755));

        // what Info-ZIP, the unzip people (and Lambda's unpacking) use, reads the same modes
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unzip")), "unzip is not installed");
        Path file = Files.write(dir.resolve("code.zip"), zip);
        Process unzip = new ProcessBuilder("/usr/bin/unzip", "-Z", file.toString()).redirectErrorStream(true).start();
        String listing = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzip.waitFor()).as(listing).isZero();
        assertThat(listing.lines().filter(line -> line.matches("^[-d].*")).map(line -> line.substring(0, 10) + " " + line.substring(line.lastIndexOf(' ') + 1)))
                .containsExactly("-rwxr-xr-x bootstrap", "drwxr-xr-x lib/", "-rw-r--r-- lib/data.txt", "-rwxr-xr-x run.sh");
    }

    @Test
    void aZipOrJarIsTakenAsItIsAndItsShaIsLambdasCodeSha256() throws Exception {
        byte[] bytes = "PK not really a zip, but bytes are bytes".getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("app.zip", "app.JAR")) {
            Path file = Files.write(dir.resolve(name), bytes);
            FunctionPackage zip = FunctionPackage.of(file);
            assertThat(zip.zip()).isEqualTo(bytes);
            assertThat(zip.sha256()).isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void aMissingPathAnotherFileTypeOrAnEmptyDirectoryIsBadInput() throws IOException {
        assertUsage(dir.resolve("nowhere"), "no such file or directory");
        assertUsage(Files.writeString(dir.resolve("app.py"), "x"), "neither a directory, a .zip nor a .jar");
        assertUsage(Files.createDirectory(dir.resolve("empty")), "holds no files");
    }

    @Test
    void aPayloadIsOneJsonValueAndASyntaxErrorNamesLineAndColumn() throws IOException {
        assertThat(new String(FunctionPayload.read("{\"id\": 1}", null), StandardCharsets.UTF_8)).isEqualTo("{\"id\": 1}");
        Path file = Files.writeString(dir.resolve("event.json"), "{\n  \"id\": 1,\n  oops\n}");
        assertThatThrownBy(() -> FunctionPayload.read("@" + file, null))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).startsWith("Malformed JSON in @" + file + " at line 3, column 3");
                });
        assertThatThrownBy(() -> FunctionPayload.read("{} {}", null)).hasMessageStartingWith("Malformed JSON in --payload at line 1");
        assertThat(FunctionPayload.read("-", () -> new ByteArrayInputStream("[1, 2]".getBytes(StandardCharsets.UTF_8)))).asString().isEqualTo("[1, 2]");
        assertThatThrownBy(() -> FunctionPayload.read("-", () -> new ByteArrayInputStream(new byte[0]))).hasMessage("The payload in stdin is empty.");
        assertThatThrownBy(() -> FunctionPayload.read("@" + dir.resolve("nowhere.json"), null))
                .hasMessage("Cannot read @" + dir.resolve("nowhere.json") + ": no such file.");
        assertThat(FunctionPayload.asJson("Simple text".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(FunctionPayload.asJson("\"quoted\"".getBytes(StandardCharsets.UTF_8)).asText()).isEqualTo("quoted");
    }

    private Path code(String... files) throws IOException {
        Path code = dir.resolve("code");
        for (String file : files) {
            Path path = code.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "content of " + file);
        }
        return code;
    }

    private static void assertUsage(Path path, String words) {
        assertThatThrownBy(() -> FunctionPackage.of(path))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains(words);
                });
    }
}
