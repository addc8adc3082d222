package dev.dynctl.cli.item;

import picocli.CommandLine.Option;

/** --key for the commands that name one item: get, update and delete. */
final class ItemKeyOption {
    @Option(names = "--key", required = true, paramLabel = "NAME=VALUE[,…]",
            description = "The item's key, typed from the key schema: id=u1,created=5, or JSON for values "
                    + "with ',' or '=': '{\"customer\": \"a,b\"}'.")
    String key;

    String text() {
        return key;
    }
}
