package dev.dynctl.cli.item;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** --attrs: which attributes to read (a ProjectionExpression), for get, query and scan. */
final class AttributesOption {
    @Option(names = "--attrs", split = ",", paramLabel = "ATTR",
            description = "Only these attributes (names or paths such as address.city, comma separated).")
    List<String> attributes = new ArrayList<>();

    List<String> attributes() {
        return attributes;
    }
}
