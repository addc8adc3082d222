package dev.dynctl.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Project files written for a test, and short spellings of attribute values. */
final class ProjectFiles {
    private ProjectFiles() {
    }

    static Path write(Path directory, String yaml) {
        try {
            return Files.writeString(directory.resolve(ProjectFile.FILE_NAME), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of table {@code users} in a project file whose {@code schema:} section is {@code schemaYaml}, indented by 4. */
    static TableSchema usersSchema(Path directory, String schemaYaml) {
        String indented = schemaYaml.stripTrailing().indent(6);
        return ProjectFile.load(write(directory, "tables:\n  users:\n    schema:\n" + indented)).schemaFor("users").orElseThrow();
    }

    static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    static AttributeValue n(String number) {
        return AttributeValue.fromN(number);
    }
}
