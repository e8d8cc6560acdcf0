package ltsportal.accounts;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.RECOVERY_CODE;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1 as every authenticator app expects) with
 * {@code dev.samstevens.totp}, on the portal's clock. A code is accepted from the step before to the
 * step after now (clock drift), and never twice: the last step used is kept. Ten recovery codes, stored
 * hashed, each good once.
 */
public final class SecondFactor {
    static final int RECOVERY_CODES = 10;
    private static final int PERIOD = 30;
    private final DSLContext db;
    private final Clock clock;
    private final Set<String> exempt;
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator();

    /** {@code exempt}: emails never asked for a second factor (the demo accounts, in demo mode only). */
    public SecondFactor(DSLContext db, Clock clock, Set<String> exempt) {
        this.db = db;
        this.clock = clock;
        this.exempt = exempt;
    }

    public boolean enrolled(long userId) {
        return db.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.TOTP_SECRET.isNotNull()));
    }

    /** Staff must have a second factor (from their next sign-in); customers may. */
    public boolean requiredFor(User user) {
        return user.staff() && !exempt.contains(Emails.key(user.email()));
    }

    /** The secret being set up, if a setup was started (read only: pages that show it are GETs). */
    public java.util.Optional<String> pendingSecret(long userId) {
        return db.select(APP_USER.TOTP_PENDING_SECRET).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.TOTP_PENDING_SECRET);
    }

    /** Starts a setup (a POST's work): a new secret, unless one is pending already. */
    public void startSetup(long userId) {
        if (pendingSecret(userId).isEmpty()) {
            db.update(APP_USER).set(APP_USER.TOTP_PENDING_SECRET, new DefaultSecretGenerator(32).generate())
                    .where(APP_USER.ID.eq(userId).and(APP_USER.TOTP_PENDING_SECRET.isNull())).execute();
        }
    }

    /** The setup QR code (PNG) for an authenticator app. */
    public byte[] qr(User user, String secret) {
        var data = new QrData.Builder().label(user.email()).secret(secret).issuer("LTS Portal").digits(6).period(PERIOD).build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            png.setImageSize(240);
            return png.generate(data);
        } catch (QrGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret in groups of four, for typing into an app by hand. */
    public static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /**
     * Confirms the pending secret with a code from the app: the second factor is on, and the ten recovery
     * codes are returned (the only time they are shown). Null when the code is wrong.
     */
    public List<String> confirm(long userId, String code) {
        return db.transactionResult(cfg -> {
            var tx = cfg.dsl();
            var row = tx.select(APP_USER.TOTP_PENDING_SECRET).from(APP_USER).where(APP_USER.ID.eq(userId)).forUpdate().fetchOne();
            String pending = row == null ? null : row.value1();
            Long step = pending == null ? null : matchingStep(pending, code, null);
            if (step == null) {
                return null;
            }
            tx.update(APP_USER).set(APP_USER.TOTP_SECRET, pending).setNull(APP_USER.TOTP_PENDING_SECRET)
                    .set(APP_USER.TOTP_ENABLED_AT, clock.instant().atOffset(ZoneOffset.UTC)).set(APP_USER.TOTP_LAST_STEP, step)
                    .where(APP_USER.ID.eq(userId)).execute();
            return newRecoveryCodes(tx, userId);
        });
    }

    /** Checks a code from the app (each accepted once); whether it is right. */
    public boolean verify(long userId, String code) {
        return db.transactionResult(cfg -> {
            var tx = cfg.dsl();
            var row = tx.select(APP_USER.TOTP_SECRET, APP_USER.TOTP_LAST_STEP).from(APP_USER).where(APP_USER.ID.eq(userId))
                    .forUpdate().fetchOne();
            if (row == null || row.value1() == null) {
                return false;
            }
            Long step = matchingStep(row.value1(), code, row.value2());
            if (step == null) {
                return false;
            }
            tx.update(APP_USER).set(APP_USER.TOTP_LAST_STEP, step).where(APP_USER.ID.eq(userId)).execute();
            return true;
        });
    }

    /** Uses a recovery code (once); whether it was one of the user's unused ones. */
    public boolean useRecoveryCode(long userId, String code) {
        String normal = normalRecovery(code);
        if (normal.isEmpty()) {
            return false;
        }
        return db.update(RECOVERY_CODE).set(RECOVERY_CODE.USED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(RECOVERY_CODE.USER_ID.eq(userId), RECOVERY_CODE.CODE_HASH.eq(Tokens.hash(normal)), RECOVERY_CODE.USED_AT.isNull())
                .execute() == 1;
    }

    public int recoveryCodesLeft(long userId) {
        return db.fetchCount(RECOVERY_CODE, RECOVERY_CODE.USER_ID.eq(userId).and(RECOVERY_CODE.USED_AT.isNull()));
    }

    /** Ten new recovery codes; the old ones stop working. */
    public List<String> replaceRecoveryCodes(long userId) {
        return db.transactionResult(cfg -> newRecoveryCodes(cfg.dsl(), userId));
    }

    /** Turns the second factor off (an admin's reset, or a customer who no longer wants it). */
    public void reset(long userId) {
        db.transaction(cfg -> {
            var tx = cfg.dsl();
            tx.update(APP_USER).setNull(APP_USER.TOTP_SECRET).setNull(APP_USER.TOTP_PENDING_SECRET).setNull(APP_USER.TOTP_ENABLED_AT)
                    .setNull(APP_USER.TOTP_LAST_STEP).where(APP_USER.ID.eq(userId)).execute();
            tx.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.eq(userId)).execute();
        });
    }

    public java.util.Optional<java.time.Instant> enabledAt(long userId) {
        return db.select(APP_USER.TOTP_ENABLED_AT).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(APP_USER.TOTP_ENABLED_AT)
                .map(t -> t.toInstant());
    }

    private List<String> newRecoveryCodes(DSLContext tx, long userId) {
        tx.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.eq(userId)).execute();
        List<String> fresh = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String c : fresh) {
            tx.insertInto(RECOVERY_CODE).set(RECOVERY_CODE.USER_ID, userId).set(RECOVERY_CODE.CODE_HASH, Tokens.hash(normalRecovery(c)))
                    .execute();
        }
        return fresh;
    }

    /** Recovery codes compare without case, spaces or dashes, as people copy them. */
    static String normalRecovery(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** Whether the text is shaped like an app code (6 digits, spaces allowed). */
    public static boolean looksLikeAppCode(String code) {
        return code != null && code.replace(" ", "").matches("\\d{6}");
    }

    /** The step (now-1, now, now+1) whose code this is, later than {@code after}; null when none. */
    private Long matchingStep(String secret, String code, Long after) {
        if (!looksLikeAppCode(code)) {
            return null;
        }
        String digits = code.replace(" ", "");
        long now = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD);
        for (long step = now - 1; step <= now + 1; step++) {
            if (after != null && step <= after) {
                continue;
            }
            try {
                if (Tokens.same(codes.generate(secret, step), digits)) {
                    return step;
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    /** The code an app shows at this moment (for tests and for nothing else). */
    public static String codeAt(String secret, java.time.Instant at) {
        try {
            return new DefaultCodeGenerator().generate(secret, Math.floorDiv(at.getEpochSecond(), PERIOD));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
