package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretLinesTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "put {\"id\": \"k\", \"key\": \"AKIAIOSFODNN7EXAMPLE\"}",
        "connect --profile x # ASIAZZZZZZZZZZZZZZZZ",
        "put {\"aws_secret_access_key\": \"x\"}",
        "put {\"id\": \"k\", \"v\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}",
        "update id=u1 --set password=hunter2",
        "update id=u1 --set passwd=hunter2",
        "put {\"SessionToken\": \"FwoGZXIvYXdzE\"}",
        "put {\"aws_session_token\": \"x\"}",
        "connect --endpoint-url http://admin:hunter2@db.internal:8000",
        "put {\"header\": \"Bearer eyJhbGciOi\"}",
        "put {\"api_key\": \"x\"}"})
    void linesThatMayHoldASecretAreFound(String line) {
        assertThat(SecretLines.holdsSecret(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "get id=u1",
        "SELECT * FROM users WHERE id = 'u1';",
        "query --key customer=c9 --sk 'begins_with 2024' --index byEmail",
        "connect --endpoint-url http://localhost:8000 --region us-east-1",
        // a SHA-1 in hex has the length of a secret key, not its mix of cases
        "get id=da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "put @items.json"})
    void ordinaryLinesAreKept(String line) {
        assertThat(SecretLines.holdsSecret(line)).isFalse();
    }
}
