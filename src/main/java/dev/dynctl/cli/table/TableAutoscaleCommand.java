package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.AutoScalingSettings;
import dev.dynctl.dynamo.ScalableCapacity;
import dev.dynctl.dynamo.TableAutoScaling;
import dev.dynctl.error.DynctlException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "autoscale", mixinStandardHelpOptions = true,
        description = "Show or set auto scaling of a provisioned table's (or global index's) read and write capacity "
                + "through Application Auto Scaling: a range from --min to --max units, and the utilization to keep. "
                + "Without settings it shows every side of the table and its global indexes. Idempotent: what is "
                + "already so is not sent again. No role is needed (AWS uses its service-linked role).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table autoscale orders",
            "  dynctl table autoscale orders --min 5 --max 500 --target-utilization 70",
            "  dynctl table autoscale orders --index byEmail --write --min 5 --max 100",
            "  dynctl table autoscale orders --max 1000             # keep min and target",
            "  dynctl table autoscale orders --off",
            "",
            "Without --index the table itself is set (or turned off), not its indexes.",
            "A side that does not scale yet needs --min and --max; the target",
            "utilization defaults to 70%%. On-demand tables scale by themselves;",
            "cap them with 'dynctl table update TABLE --max-rcu N --max-wcu N'."})
public final class TableAutoscaleCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The table.")
    String name;

    @Option(names = "--min", paramLabel = "N", description = "The fewest capacity units to scale down to.")
    Integer min;

    @Option(names = "--max", paramLabel = "N", description = "The most capacity units to scale up to.")
    Integer max;

    @Option(names = "--target-utilization", paramLabel = "PCT", converter = PercentConverter.class,
            description = "Keep this percentage of the capacity in use, 20 to 90 (a new policy: 70).")
    Double targetUtilization;

    @Option(names = "--index", paramLabel = "INDEX", description = "A global index instead of the table.")
    String index;

    @Option(names = "--read", description = "Only read capacity (default: read and write).")
    boolean read;

    @Option(names = "--write", description = "Only write capacity (default: read and write).")
    boolean write;

    @Option(names = "--off", description = "Turn auto scaling off: delete the scaling policies and deregister the capacity.")
    boolean off;

    @Override
    protected void run(Context context) {
        AutoScalingSettings settings = new AutoScalingSettings(min, max, targetUtilization);
        TableAutoScaling scaling = new TableAutoScaling(context.clients().dynamo(), context.clients().autoScaling(), context.clients().where());
        List<String> leading = List.of("target", "capacity", "autoscaling", "min", "max", "targetUtilization", "provisioned");
        if (off && !settings.isEmpty()) {
            throw DynctlException.usage("--off turns auto scaling off; it takes no --min, --max or --target-utilization.");
        }
        if (!off && settings.isEmpty()) {
            context.output().rows(scaling.show(name, index, sides()), leading);
            return;
        }
        TableAutoScaling.Outcome outcome = off ? scaling.off(name, index, sides()) : scaling.set(name, index, sides(), settings);
        outcome.notes().forEach(context.err()::println);
        context.output().rows(outcome.rows(), leading);
    }

    private Set<ScalableCapacity.Side> sides() {
        if (read == write) {
            return EnumSet.allOf(ScalableCapacity.Side.class);
        }
        return EnumSet.of(read ? ScalableCapacity.Side.READ : ScalableCapacity.Side.WRITE);
    }

    /** Reads a percentage as 70 or 70%. */
    static final class PercentConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String number = value.strip();
            if (number.endsWith("%")) {
                number = number.substring(0, number.length() - 1).strip();
            }
            try {
                double percent = Double.parseDouble(number);
                if (Double.isFinite(percent)) {
                    return percent;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException("'" + value + "' is not a percentage; use e.g. 70 or 70%");
        }
    }
}
