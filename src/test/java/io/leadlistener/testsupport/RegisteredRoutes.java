package io.leadlistener.testsupport;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * Every REST route the running application registered, read from the REST server's own routing tables (not from a
 * list someone keeps), so a test over them covers resources added later.
 */
public final class RegisteredRoutes {

    /** One route: HTTP method, path template (e.g. {@code /api/v1/tenants/{tenant}/routing}) and the Java method. */
    public record Route(String httpMethod, String path, Method method) {

        public <A extends java.lang.annotation.Annotation> boolean carries(Class<A> annotation) {
            return method.isAnnotationPresent(annotation) || method.getDeclaringClass().isAnnotationPresent(annotation);
        }

        /** The path with every {@code {parameter}} replaced by the value the function gives for its name. */
        public String expand(java.util.function.UnaryOperator<String> valueOfParameter) {
            return java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(path)
                    .replaceAll(match -> java.util.regex.Matcher.quoteReplacement(valueOfParameter.apply(match.group(1))));
        }

        @Override
        public String toString() {
            return httpMethod + " " + path;
        }
    }

    private RegisteredRoutes() {
    }

    public static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (RequestMapper.RequestPath<RestInitialHandler.InitialMatch> classPath
                : ResteasyReactiveRecorder.getCurrentDeployment().getClassMappers()) {
            for (ServerRestHandler handler : classPath.value.handlers) {
                if (handler instanceof ClassRoutingHandler routing) {
                    routing.getMappers().values().forEach(mapper -> mapper.getTemplates()
                            .forEach(methodPath -> routes.add(route(methodPath.value))));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::httpMethod));
        return routes;
    }

    private static Route route(RuntimeResource resource) {
        String classPath = resource.getClassPath() == null ? "" : resource.getClassPath().template;
        String methodPath = resource.getPath().template;
        String path = (classPath + "/" + methodPath).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            Method method = resource.getResourceClass().getMethod(resource.getJavaMethodName(),
                    resource.getParameterTypes());
            return new Route(resource.getHttpMethod(), path, method);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("route " + path + " names a method its class does not have", e);
        }
    }
}
