package dev.dynctl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableKeyAttribute;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The --gsi/--lsi grammar: whatever is written by its rules reads back as written. */
class TableIndexSpecTest {
    @Property
    void aWellFormedGlobalSpecReadsBackAsWritten(@ForAll("names") String name, @ForAll("names") String pk,
                                                 @ForAll ScalarAttributeType pkType, @ForAll("names") String sk,
                                                 @ForAll boolean withSortKey, @ForAll("attributeLists") List<String> include) {
        if (pkType == ScalarAttributeType.UNKNOWN_TO_SDK_VERSION) {
            return;
        }
        String text = "name=" + name + ",pk=" + pk + ":" + pkType + (withSortKey ? ",sk=" + sk + ":N" : "")
                + (include.isEmpty() ? "" : ",projection=include:" + String.join("+", include));

        TableIndexSpec spec = TableIndexSpec.global("--gsi", text);

        assertThat(spec.name()).isEqualTo(name);
        assertThat(spec.partitionKey()).isEqualTo(new TableKeyAttribute(pk, pkType));
        assertThat(spec.sortKey()).isEqualTo(withSortKey ? new TableKeyAttribute(sk, ScalarAttributeType.N) : null);
        if (include.isEmpty()) {
            assertThat(spec.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        } else {
            assertThat(spec.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
            assertThat(spec.projection().nonKeyAttributes()).isEqualTo(include);
        }
    }

    @Property
    void fieldOrderAndSpacingDoNotMatter(@ForAll("names") String name) {
        TableIndexSpec a = TableIndexSpec.global("--gsi", "name=" + name + ",pk=id:S,projection=keys,rcu=3,wcu=2");
        TableIndexSpec b = TableIndexSpec.global("--gsi", " wcu=2 , projection=KEYS, rcu=3 ,pk=id:s, NAME=" + name);
        assertThat(b).isEqualTo(a);
    }

    @Property
    void anythingWithoutAnEqualsSignIsAUsageError(@ForAll("names") String text) {
        assertThatThrownBy(() -> TableIndexSpec.global("--gsi", text))
                .isInstanceOf(DynctlException.class)
                .hasMessageContaining("Bad --gsi '" + text + "'")
                .satisfies(e -> assertThat(((DynctlException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcXYZ019_.-").ofMinLength(3).ofMaxLength(20);
    }

    @Provide
    Arbitrary<List<String>> attributeLists() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(3);
    }
}
