package org.openmdms.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A REST client of the MDMS API signed in as one user (BASIC), as a head-end or CIS would call it. */
final class Api {

    /** A response: status, body (JSON parsed on demand) and headers. */
    record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonObject json() {
            return (JsonObject) parse();
        }

        JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String baseUrl;
    private final String authorization;

    private Api(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    static Api as(String user, String password) {
        return at(Deployments.BASE_URL, user, password);
    }

    /** A client of the application at another address (a server a test starts itself). */
    static Api at(String baseUrl, String user, String password) {
        return new Api(baseUrl, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static Api anonymous() {
        return new Api(Deployments.BASE_URL, null);
    }

    static Api admin() {
        return as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply postJson(String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply postCsv(String path, String csv) {
        return send(request(path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    Reply putCsv(String path, String csv) {
        return send(request(path).header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv)));
    }

    Reply put(String path, String json, String ifMatch) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** A page of the application (not the API), e.g. {@code admin/storage.xhtml}, as HTML. */
    Reply page(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Deployments.BASE_URL + "/" + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/html").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** A download (a report): status and the bytes of the body. */
    record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
    }

    Download download(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request(path).header("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
