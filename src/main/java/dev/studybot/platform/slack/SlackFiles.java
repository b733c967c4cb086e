package dev.studybot.platform.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.files.FilesInfoResponse;
import com.slack.api.model.File;
import dev.studybot.domain.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A file a member shared with the app, as the core's {@link Upload}: {@code files.info} gives its
 * name, size and {@code url_private_download}, which is fetched with the bot token (Slack's private
 * file URLs need it), stopping one byte past the core's limit.
 */
final class SlackFiles {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Redirects are not followed, so the bot token never goes to another host; Slack answers a bad token with one. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * The file by id, read with the client and token of the workspace it was shared in; one Slack
     * will not describe becomes an upload whose download fails, which the core words.
     */
    Upload upload(MethodsClient client, String botToken, String fileId) {
        File file;
        try {
            FilesInfoResponse r = client.filesInfo(q -> q.file(fileId));
            if (!r.isOk() || r.getFile() == null) {
                return failed(unknownName(fileId), "files.info: " + r.getError());
            }
            file = r.getFile();
        } catch (IOException | SlackApiException e) {
            return failed(unknownName(fileId), "files.info: " + e.getMessage());
        }
        String name = file.getName() == null ? fileId : file.getName();
        long size = file.getSize() == null ? -1 : file.getSize();
        String url = file.getUrlPrivateDownload() != null ? file.getUrlPrivateDownload() : file.getUrlPrivate();
        if (url == null) {
            return failed(name, "no download URL");
        }
        return new Upload(name, size, limit -> download(url, botToken, limit));
    }

    private byte[] download(String url, String botToken, long limit) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", "Bearer " + botToken).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download interrupted", e);
        }
    }

    /** A name for a file Slack did not describe, that the core's type check lets through to the download's failure. */
    private static String unknownName(String fileId) {
        return "file-" + fileId + ".txt";
    }

    private static Upload failed(String name, String why) {
        return new Upload(name, -1, limit -> {
            throw new IOException(why);
        });
    }
}
