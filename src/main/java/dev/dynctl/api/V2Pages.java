package dev.dynctl.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every item of an API Gateway v2 list operation (GetApis, GetStages, GetRoutes, …), which pages
 * with a nextToken and has no SDK paginator.
 */
final class V2Pages {
    /** As many items as one page may hold; the default is 25. */
    static final String MAX_RESULTS = "500";

    private V2Pages() {
    }

    /**
     * @param page requests the page after a token (null for the first)
     * @param items the page's items
     * @param nextToken the page's next token (null or empty after the last)
     */
    static <P, T> List<T> all(Function<String, P> page, Function<P, List<T>> items, Function<P, String> nextToken) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            P answer = page.apply(token);
            all.addAll(items.apply(answer));
            token = nextToken.apply(answer);
        } while (token != null && !token.isEmpty());
        return all;
    }
}
