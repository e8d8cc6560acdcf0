package ltsportal.web;

import io.javalin.rendering.FileRenderer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf behind Javalin's {@link FileRenderer}. Templates come from {@code templates/} (packaged
 * into the jar) and are cached after the first render. Every page gets the shared layout values.
 */
public final class Templates implements FileRenderer {
    private final TemplateEngine engine = new TemplateEngine();
    private final Map<String, Object> shared;
    private final Function<io.javalin.http.Context, Record> perRequest;

    /**
     * {@code shared} goes into every page; {@code perRequest} adds what depends on who asks (the
     * signed-in user, the CSRF token), so that this class knows no feature.
     */
    public Templates(Map<String, Object> shared, Function<io.javalin.http.Context, Record> perRequest) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        this.shared = Map.copyOf(shared);
        this.perRequest = perRequest;
    }

    @Override
    public String render(String template, Map<String, ?> model, io.javalin.http.Context ctx) {
        Map<String, Object> values = new LinkedHashMap<>(shared);
        values.putAll(model);
        values.put("currentPath", ctx.path());
        values.putAll(model(perRequest.apply(ctx)));
        return engine.process(template, new Context(null, values));
    }

    /** Renders a page from its typed model: each component of the record is a template variable. */
    public static void render(io.javalin.http.Context ctx, String template, Record model) {
        render(ctx, 200, template, model);
    }

    public static void render(io.javalin.http.Context ctx, int status, String template, Record model) {
        ctx.status(status).render(template, model(model));
        ctx.contentType("text/html; charset=utf-8");
    }

    /** A record's components by name (nulls kept: a template tests them with {@code != null}). */
    static Map<String, Object> model(Record model) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : model.getClass().getRecordComponents()) {
            try {
                values.put(c.getName(), c.getAccessor().invoke(model));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("page model " + model.getClass().getName() + " must be a public record", e);
            }
        }
        return values;
    }
}
