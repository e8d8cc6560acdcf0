package ltsportal.accounts;

import io.javalin.http.Context;
import java.util.List;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/** A user's own sessions (/account/sessions): where they are signed in, and signing any of them out. */
public final class SessionPages {
    private final Sessions sessions;
    private final AuditLog audit;

    public SessionPages(Sessions sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    public record SessionsPage(List<Sessions.Active> sessions, long others) {
    }

    public void list(Context ctx) {
        var active = sessions.activeOf(Auth.session(ctx));
        Templates.render(ctx, "accounts/sessions", new SessionsPage(active, active.stream().filter(a -> !a.current()).count()));
    }

    public void end(Context ctx) {
        var me = Auth.session(ctx);
        if (!sessions.endByHandle(me, ctx.pathParam("handle"))) {
            throw new PageNotFound("That session has ended already, or is not one of yours.");
        }
        audit.record("session.ended", me.user(), me.user().email(), "one other session signed out", ClientAddress.of(ctx));
        Flash.redirect(ctx, "/account/sessions", "That session is signed out.");
    }

    public void endOthers(Context ctx) {
        var me = Auth.session(ctx);
        int ended = sessions.endAll(me.user().id(), me.idHash());
        audit.record("session.ended-others", me.user(), me.user().email(), ended + " other sessions signed out", ClientAddress.of(ctx));
        Flash.redirect(ctx, "/account/sessions", ended == 0 ? "You were not signed in anywhere else."
                : ended == 1 ? "Your other session is signed out." : "Your " + ended + " other sessions are signed out.");
    }
}
