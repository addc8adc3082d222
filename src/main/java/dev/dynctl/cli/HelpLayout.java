package dev.dynctl.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Keeps a subcommand's help about that command: its own options in the synopsis and option list,
 * and the global options summed up in one line (they are described in full by 'dynctl --help').
 */
final class HelpLayout extends Help {
    private static final String GLOBAL_OPTIONS = "globalOptions";

    private HelpLayout(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    /** Applies to the root and, as picocli's setters do, to every subcommand. */
    static void apply(CommandLine root) {
        root.setHelpFactory(HelpLayout::new);
        Map<String, CommandLine.IHelpSectionRenderer> sections = new HashMap<>(root.getHelpSectionMap());
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> help.optionListExcludingGroups(own(help.commandSpec().options())));
        sections.put(GLOBAL_OPTIONS, HelpLayout::globalOptions);
        root.setHelpSectionMap(sections);
        List<String> keys = new ArrayList<>(root.getHelpSectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, GLOBAL_OPTIONS);
        root.setHelpSectionKeys(keys);
    }

    @Override
    protected Text createDetailedSynopsisOptionsText(Collection<ArgSpec> done, List<OptionSpec> options,
                                                     Comparator<OptionSpec> sort, boolean cluster) {
        List<OptionSpec> own = own(options);
        Text text = super.createDetailedSynopsisOptionsText(done, own, sort, cluster);
        // one word, so that wrapping never leaves "[GLOBAL" at the end of one line and "OPTIONS]" on the next
        return own.size() == options.size() ? text : text.concat(" [GLOBAL-OPTIONS]");
    }

    private static List<OptionSpec> own(List<OptionSpec> options) {
        return options.stream().filter(o -> !o.inherited()).toList();
    }

    private static String globalOptions(Help help) {
        if (help.commandSpec().options().stream().noneMatch(OptionSpec::inherited)) {
            return "";
        }
        return String.format("%nGlobal options: --profile, --region, --endpoint-url, --local, --project,%n"
                + "  -o, --query, --no-color, --debug, -y, --no-input (see 'dynctl --help').%n");
    }
}
