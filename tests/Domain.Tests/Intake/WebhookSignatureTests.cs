using System.Text;
using Agency.Domain.Intake;

namespace Agency.Domain.Tests.Intake;

public class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(Fixtures.FacebookFeedComment);

    [Fact]
    public void Meta_signature_is_hex_hmac_sha256_of_the_raw_body()
    {
        // Independently computed: printf '%s' 'hello' | openssl dgst -sha256 -hmac 'secret'
        Assert.Equal(
            "sha256=88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b",
            WebhookSignatures.Meta("secret", "hello"u8)
        );
    }

    [Fact]
    public void X_signature_and_crc_are_base64_hmac_sha256()
    {
        Assert.Equal("sha256=iKqz7ejTrflNJquQ07r9SiCDBww7zOnAFO4EpEOEfAs=", WebhookSignatures.X("secret", "hello"u8));
        Assert.Equal(WebhookSignatures.X("secret", "hello"u8), WebhookSignatures.XCrcResponse("secret", "hello"));
    }

    [Fact]
    public void A_valid_Meta_signature_verifies()
    {
        Assert.True(WebhookSignatures.VerifyMeta("app-secret", Body, WebhookSignatures.Meta("app-secret", Body)));
    }

    [Fact]
    public void A_tampered_body_fails()
    {
        var header = WebhookSignatures.Meta("app-secret", Body);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 0x01;
        Assert.False(WebhookSignatures.VerifyMeta("app-secret", tampered, header));
        Assert.False(WebhookSignatures.VerifyX("app-secret", tampered, WebhookSignatures.X("app-secret", Body)));
    }

    [Fact]
    public void The_wrong_secret_fails()
    {
        Assert.False(WebhookSignatures.VerifyMeta("other-secret", Body, WebhookSignatures.Meta("app-secret", Body)));
        Assert.False(WebhookSignatures.VerifyX("other-secret", Body, WebhookSignatures.X("app-secret", Body)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=abc")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("sha256=not-hex-not-base64!!")]
    public void A_missing_or_malformed_header_fails(string? header)
    {
        Assert.False(WebhookSignatures.VerifyMeta("app-secret", Body, header));
        Assert.False(WebhookSignatures.VerifyX("app-secret", Body, header));
    }
}
