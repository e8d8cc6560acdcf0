-- Sign-in throttling per (account, client address) and per account, replacing the per-account lockout
-- that let anyone lock anyone out. Keys: 'a|' + email key, 'p|' + email key + '|' + address.
-- An attempt is counted here before its password is checked, so parallel guesses cannot overtake the limit.
CREATE TABLE sign_in_throttle (
    throttle_key     VARCHAR(400)             NOT NULL,
    failures         INTEGER                  NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_sign_in_throttle PRIMARY KEY (throttle_key),
    CONSTRAINT ck_sign_in_throttle_failures CHECK (failures >= 0)
);

DROP TABLE login_throttle;
