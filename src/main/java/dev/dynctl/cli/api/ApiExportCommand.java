package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.api.ApiRef;
import dev.dynctl.api.ExportFormat;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.WritesFiles;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.output.Format;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write an API's definition as OpenAPI 3.0 (oas30) or Swagger 2.0, in JSON or YAML.",
            "",
            "REST APIs export a stage (--stage; by default their only stage) in either format; HTTP APIs "
                    + "export OpenAPI 3.0 only. API Gateway cannot export WebSocket APIs. The text is JSON unless "
                    + "-o yaml or a --to file ending in .yaml or .yml says YAML."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api export pets --stage prod --to pets.yaml",
            "  dynctl api export pets --format swagger -o json > swagger.json",
            "  dynctl api export shop -o yaml"})
public final class ApiExportCommand extends DynctlCommand implements WritesFiles {
    private static final String CREATE_FOLDER = "Create the folder first, or pass another --to path.";
    private static final String PERMISSIONS = "Check the folder's permissions, or pass another --to path.";
    private static final String ANOTHER_PATH = "Pass another --to path.";

    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Option(names = "--format", paramLabel = "SPEC", converter = ApiTypes.FormatLabels.class,
            completionCandidates = ApiTypes.FormatLabels.class, defaultValue = "oas30",
            description = "oas30 or swagger (default: ${DEFAULT-VALUE}).")
    ExportFormat format;

    @Option(names = "--stage", paramLabel = "STAGE", description = "The stage to export (REST: default the API's only stage).")
    String stage;

    @Option(names = "--to", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path to;

    @Override
    public boolean writesFiles() {
        return to != null;
    }

    @Override
    protected void run(Context context) {
        boolean yaml = yaml(context.options().output());
        if (to != null) {
            checkWritable();
        }
        ApiRef ref = ApiCommand.locator(context).find(api);
        JsonNode definition = ApiCommand.export(context).export(ref, format, stage);
        String text = yaml ? Json.write(Json.YAML.writer(), definition) : Json.pretty(definition) + System.lineSeparator();
        if (to == null) {
            context.out().print(text);
            context.out().flush();
            return;
        }
        try {
            Files.writeString(to, text);
        } catch (AccessDeniedException e) {
            throw unwritable("permission denied", PERMISSIONS, e);
        } catch (NoSuchFileException e) {
            throw unwritable("its folder does not exist", CREATE_FOLDER, e);
        } catch (FileSystemException e) {
            throw unwritable(e.getReason() == null ? e.getClass().getSimpleName() : e.getReason(), ANOTHER_PATH, e);
        } catch (IOException e) {
            throw unwritable(String.valueOf(e.getMessage()), ANOTHER_PATH, e);
        }
        context.err().println("Wrote the " + format.label() + " definition of API '" + ref.name() + "' to " + to + ".");
    }

    /** Refuses a --to path that cannot be written before the definition is fetched: a missing or read-only folder, a folder itself. */
    private void checkWritable() {
        Path parent = to.toAbsolutePath().getParent();
        if (Files.isDirectory(to)) {
            throw unwritable("it is a folder", "Name a file in it, e.g. --to " + to.resolve(api + ".yaml") + ".", null);
        }
        if (parent == null) {
            return;
        }
        if (!Files.exists(parent)) {
            throw unwritable("the folder " + parent + " does not exist", CREATE_FOLDER, null);
        }
        if (!Files.isDirectory(parent)) {
            throw unwritable(parent + " is a file, not a folder", ANOTHER_PATH, null);
        }
        if (!Files.isWritable(parent) || Files.exists(to) && !Files.isWritable(to)) {
            throw unwritable((Files.exists(to) ? "the file" : "the folder " + parent) + " is not writable", PERMISSIONS, null);
        }
    }

    private DynctlException unwritable(String why, String hint, Exception cause) {
        return new DynctlException(ExitCode.USAGE, "Cannot write the API definition to " + to + ": " + why + ".", hint, cause);
    }

    /** YAML for -o yaml or a .yaml/.yml file; JSON otherwise. A format that is not JSON or YAML cannot hold OpenAPI. */
    private boolean yaml(Format output) {
        if (output == null) {
            String file = to == null ? "" : to.getFileName().toString().toLowerCase(Locale.ROOT);
            return file.endsWith(".yaml") || file.endsWith(".yml");
        }
        if (output != Format.JSON && output != Format.YAML) {
            throw DynctlException.usage("An API definition is written as JSON or YAML, not " + output.label() + ".", "Use -o json or -o yaml.");
        }
        return output == Format.YAML;
    }
}
