package dev.dynctl.aws;

import java.io.PrintWriter;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;

/**
 * One statement's share of the clients a shell session keeps: where --debug prints its requests,
 * and the timing reading that counts them. It travels on each of the statement's requests (an
 * execution attribute, see {@link ScopedClient}), so that the requests report to their own
 * statement wherever they are made (a parallel scan's threads) and whenever (a statement abandoned
 * at the prompt goes on unseen, counted and logged by nobody else).
 *
 * @param log where --debug prints the requests; null for silence
 * @param reading what timing counts them in; null when the statement is not timed
 */
public record RequestScope(PrintWriter log, RequestMeter.Reading reading) {
    static final ExecutionAttribute<RequestScope> ATTRIBUTE = new ExecutionAttribute<>("dynctl.requestScope");

    /** The scope of the request these attributes belong to, or null for a request made outside any. */
    static RequestScope of(ExecutionAttributes attributes) {
        return attributes.getAttribute(ATTRIBUTE);
    }
}
