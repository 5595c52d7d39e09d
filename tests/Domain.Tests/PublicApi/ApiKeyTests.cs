using Agency.Domain.PublicApi;

namespace Agency.Domain.Tests.PublicApi;

public sealed class ApiKeyTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_issued_key_is_shown_once_and_only_its_hash_is_kept()
    {
        var (key, secret) = ApiKey.Issue("  CRM sync ", Now, "Hannah");
        Assert.Equal("CRM sync", key.Name);
        Assert.StartsWith($"agk_{key.Prefix}_", secret, StringComparison.Ordinal);
        Assert.Equal(10, key.Prefix.Length);
        Assert.DoesNotContain(secret, key.SecretHash, StringComparison.Ordinal);
        Assert.Equal(64, key.SecretHash.Length);
        Assert.Equal($"agk_{key.Prefix}_…", key.Display);
        Assert.True(key.Accepts(secret));
        Assert.Equal(key.Prefix, ApiKey.PrefixOf(secret));
    }

    [Fact]
    public void Two_keys_never_share_their_secret()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => ApiKey.Issue("k", Now, null)).ToList();
        Assert.Equal(200, keys.Select(k => k.Secret).Distinct().Count());
        Assert.Equal(200, keys.Select(k => k.Key.SecretHash).Distinct().Count());
    }

    [Fact]
    public void A_key_refuses_any_other_secret_and_everything_once_revoked()
    {
        var (key, secret) = ApiKey.Issue("BI", Now, null);
        var (_, other) = ApiKey.Issue("BI", Now, null);
        Assert.False(key.Accepts(other));
        Assert.False(key.Accepts(secret + "x"));
        key.Revoke(Now, "Hannah");
        Assert.False(key.Accepts(secret));
        Assert.False(key.IsActive);
        key.Revoke(Now.AddDays(1), "Someone else");
        Assert.Equal((Now, "Hannah"), (key.RevokedAt, key.RevokedBy));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer agk_abcdefghij_0123456789abcdef")]
    [InlineData("agk_abc_0123456789abcdef")]
    [InlineData("agk_ABCDEFGHIJ_0123456789abcdef")]
    [InlineData("agk_abcdefghij_short")]
    [InlineData("xyz_abcdefghij_0123456789abcdef")]
    [InlineData("agk_abcdefghi0_0123456789abcdef")]
    public void Strings_without_a_key_s_shape_have_no_prefix(string? presented) => Assert.Null(ApiKey.PrefixOf(presented));

    [Fact]
    public void A_cursor_goes_out_and_comes_back_the_same_and_anything_else_is_refused()
    {
        var cursor = new ApiCursor(new DateTime(2026, 11, 24, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567), Guid.CreateVersion7());
        Assert.Equal(cursor, ApiCursor.Decode(cursor.Encode()));
        Assert.Equal(DateTimeKind.Utc, ApiCursor.Decode(cursor.Encode())!.Value.ChangedAt.Kind);
        Assert.Null(ApiCursor.Decode(null));
        Assert.Null(ApiCursor.Decode("not a cursor"));
        Assert.Null(ApiCursor.Decode(Convert.ToBase64String("12.34"u8.ToArray())));
        Assert.Null(ApiCursor.Decode(Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"-5.{Guid.Empty:N}"))));
        Assert.Null(ApiCursor.Decode(new string('a', 500)));
    }
}
