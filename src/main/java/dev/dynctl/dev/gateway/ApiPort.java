package dev.dynctl.dev.gateway;

import java.io.IOException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** What serves the requests that reach one API's port. */
interface ApiPort {
    void serve(Request request, Response response, Callback callback) throws IOException;
}
