package org.opsconsole.console.api;

import com.fasterxml.jackson.core.type.TypeReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.opsconsole.model.Page;
import org.opsconsole.model.User;
import org.opsconsole.model.UserDraft;

import java.net.URI;
import java.util.Map;

/** The users service's REST API, typed. Every method blocks: call it off the FX thread. */
public final class UsersApi {

    private final RestCalls calls;

    public UsersApi(OkHttpClient http, URI baseUri, String apiToken) {
        this.calls = new RestCalls(http, baseUri, "users", apiToken);
    }

    public URI baseUri() {
        return calls.baseUri();
    }

    /**
     * One page of users.
     *
     * @param query text found in name or email; null or blank for all
     * @param sort  id, name, email, createdAt or updatedAt, with a leading '-' for descending; null for id
     */
    public Page<User> list(String query, String sort, int limit, int offset) {
        HttpUrl.Builder url = calls.url("/users")
                .addQueryParameter("limit", Integer.toString(limit))
                .addQueryParameter("offset", Integer.toString(offset));
        if (query != null && !query.isBlank()) {
            url.addQueryParameter("q", query.strip());
        }
        if (sort != null) {
            url.addQueryParameter("sort", sort);
        }
        return calls.get(url.build(), calls.type(new TypeReference<Page<User>>() { }));
    }

    /** The page a link of a previous page names (its {@code next}: a cursor), of {@code limit} rows. */
    public Page<User> page(String link, int limit) {
        return calls.get(calls.link(link, limit), calls.type(new TypeReference<Page<User>>() { }));
    }

    public User get(long id) {
        return calls.get(calls.url("/users/" + id).build(), calls.type(User.class));
    }

    public User create(UserDraft draft) {
        return calls.send("POST", calls.url("/users").build(), draft, calls.type(User.class), Map.of());
    }

    /** Replaces name and email, refused (412) when the user is no longer at {@code expectedVersion}. */
    public User update(long id, UserDraft draft, long expectedVersion) {
        return calls.send("PUT", calls.url("/users/" + id).build(), draft, calls.type(User.class),
                RestCalls.ifMatch(expectedVersion));
    }

    public void delete(long id, Long expectedVersion) {
        calls.send("DELETE", calls.url("/users/" + id).build(), null, null,
                RestCalls.ifMatch(expectedVersion));
    }
}
