package com.acme.platform.bootstrap.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A few signed S3 calls for tests, to set up buckets and to look at what Terraform left behind.
 *
 * <p>Signature Version 2 (HMAC-SHA1 over method, date and resource) is a dozen lines where SigV4 is a hundred, and
 * {@link S3Server} configures s3proxy to accept both. No AWS SDK is needed on the test classpath.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */
public final class SigV2Client {
  /** Sub-resources that SigV2 includes in the signed resource; others (such as {@code encryption}) are left out. */
  private static final Set<String> SIGNED_SUBRESOURCES = Set.of("acl", "delete", "lifecycle", "location", "logging",
      "notification", "partNumber", "policy", "requestPayment", "torrent", "uploadId", "uploads", "versionId",
      "versioning", "versions", "website");

  private final URI endpoint;
  private final String accessKey;
  private final String secretKey;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param endpoint the S3 endpoint, for example {@link S3CompatProxy#endpoint()}; path-style addressing is used
   * @param accessKey the access key, for example {@link S3Server#ACCESS_KEY}
   * @param secretKey the secret key, for example {@link S3Server#SECRET_KEY}
   */
  public SigV2Client(URI endpoint, String accessKey, String secretKey) {
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /**
   * The answer to one call.
   *
   * @param status the HTTP status
   * @param body the body as UTF-8 text
   * @param headers the response headers
   */
  public record Response(int status, String body, HttpHeaders headers) {
    /** The first value of a response header, or {@code null}. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /**
   * Sends one signed request and waits at most 30 seconds for the answer.
   *
   * @param method the HTTP method
   * @param pathAndQuery path-style target such as {@code /bucket?versioning} or {@code /bucket/key}
   * @param body the request body, empty for none
   */
  public Response send(String method, String pathAndQuery, String body) throws IOException, InterruptedException {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    String stringToSign = method + "\n\n\n\nx-amz-date:" + date + "\n" + signedResource(pathAndQuery);
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .header("x-amz-date", date)
        .header("Authorization", "AWS " + accessKey + ":" + hmacSha1(stringToSign))
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), response.body(), response.headers());
  }

  private static String signedResource(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    if (q < 0) {
      return pathAndQuery;
    }
    String signed = Arrays.stream(pathAndQuery.substring(q + 1).split("&"))
        .filter(p -> SIGNED_SUBRESOURCES.contains(p.contains("=") ? p.substring(0, p.indexOf('=')) : p))
        .sorted().collect(Collectors.joining("&"));
    return pathAndQuery.substring(0, q) + (signed.isEmpty() ? "" : "?" + signed);
  }

  private String hmacSha1(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }
}
