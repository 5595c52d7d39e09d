using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Agency.Domain.PublicApi;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agency.Portal.Tests.Http;

/// <summary>A portal whose API allows three calls a minute, to see the limit answer.</summary>
public sealed class ThrottledPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:RequestsPerMinute", "3");
    }
}

/// <summary>The brand REST API over real HTTP on the demo agency: a key reads its own brand, and nothing else, and bad calls are told why.</summary>
public sealed class ApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<(string Key, Guid KeyId, CrossTenantReader.BrandRef Brand)> MakeKeyAsync(PortalFactory portal, string slug)
    {
        var brand = (await portal.Services.GetRequiredService<CrossTenantReader>().ActiveBrandsAsync()).Single(b => b.Slug == slug);
        await using var db = portal
            .Services.GetRequiredService<DatabaseSetup>()
            .Create(TenantScope.ForBrand(brand.AgencyId, brand.BrandId, TenantSource.User, "test", "Test"));
        var (key, secret) = ApiKey.Issue("Test " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow, "Test");
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return (secret, key.Id, brand);
    }

    private HttpClient With(string? key)
    {
        var client = factory.Anonymous();
        if (key is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData("agk_abcdefghij_0123456789abcdef0123456789")]
    public async Task Without_a_valid_key_the_api_answers_401_and_says_how_to_authenticate(string? key)
    {
        var response = await With(key).GetAsync("/api/v1/conversations");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(
            "Authorization: Bearer agk_",
            (await JsonAsync(response)).GetProperty("detail").GetString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_key_reads_its_brand_and_pages_through_all_its_conversations()
    {
        var (key, _, brand) = await MakeKeyAsync(factory, "delta");
        var client = With(key);
        var me = await JsonAsync(await client.GetAsync("/api/v1/brand"));
        Assert.Equal("Delta Air Lines", me.GetProperty("name").GetString());
        Assert.Equal("America/New_York", me.GetProperty("timeZone").GetString());
        Assert.Contains(me.GetProperty("accounts").EnumerateArray(), a => a.GetProperty("network").GetString() == "X");

        await using var db = factory
            .Services.GetRequiredService<DatabaseSetup>()
            .Create(TenantScope.ForBrand(brand.AgencyId, brand.BrandId, TenantSource.User));
        var expected = await db.Conversations.Select(c => c.Id).ToListAsync();
        Assert.NotEmpty(expected);
        // The feed lists a change once it is two seconds old (ApiOptions.SettleSeconds): wait for the demo's last change to settle.
        var newest = await db.Conversations.MaxAsync(c => c.ChangedAt);
        if (newest.AddSeconds(2.2) - DateTime.UtcNow is { Ticks: > 0 } wait)
            await Task.Delay(wait);
        var seen = new List<Guid>();
        string? after = null;
        for (var guard = 0; guard < 100; guard++)
        {
            var response = await client.GetAsync($"/api/v1/conversations?limit=7{(after is null ? "" : "&after=" + after)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await JsonAsync(response);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            after = page.GetProperty("next").GetString();
            if (!page.GetProperty("hasMore").GetBoolean())
                break;
        }
        Assert.Equal(expected.Order(), seen.Order());

        var one = await JsonAsync(await client.GetAsync($"/api/v1/conversations/{expected[0]}"));
        Assert.Equal(expected[0], one.GetProperty("conversation").GetProperty("id").GetGuid());
        Assert.NotEmpty(one.GetProperty("messages").EnumerateArray());
        Assert.Contains(
            one.GetProperty("conversation").GetProperty("status").GetString(),
            new[] { "Open", "Resolved", "WaitingOnCustomer" }
        );
    }

    [Fact]
    public async Task A_key_gets_404_for_another_brand_s_conversation_and_never_lists_it()
    {
        var (key, _, _) = await MakeKeyAsync(factory, "delta");
        var apple = (await factory.Services.GetRequiredService<CrossTenantReader>().ActiveBrandsAsync()).Single(b => b.Slug == "apple");
        await using var db = factory
            .Services.GetRequiredService<DatabaseSetup>()
            .Create(TenantScope.ForBrand(apple.AgencyId, apple.BrandId, TenantSource.User));
        var theirs = await db.Conversations.Select(c => c.Id).FirstAsync();

        var response = await With(key).GetAsync($"/api/v1/conversations/{theirs}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such conversation", (await JsonAsync(response)).GetProperty("title").GetString());
        var all = await JsonAsync(await With(key).GetAsync("/api/v1/conversations?limit=200"));
        Assert.DoesNotContain(theirs, all.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await With(key).GetAsync("/api/v1/conversations/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_then_on()
    {
        var (key, id, brand) = await MakeKeyAsync(factory, "amazon");
        Assert.Equal(HttpStatusCode.OK, (await With(key).GetAsync("/api/v1/brand")).StatusCode);
        await using (
            var db = factory
                .Services.GetRequiredService<DatabaseSetup>()
                .Create(TenantScope.ForBrand(brand.AgencyId, brand.BrandId, TenantSource.User, "test", "Test"))
        )
        {
            var row = await db.ApiKeys.SingleAsync(k => k.Id == id);
            Assert.NotNull(row.LastUsedAt);
            row.Revoke(DateTime.UtcNow, "Test");
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await With(key).GetAsync("/api/v1/brand")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/conversations?limit=0", "limit must be a whole number from 1 to 200.")]
    [InlineData("/api/v1/conversations?limit=abc", "limit must be a whole number from 1 to 200.")]
    [InlineData("/api/v1/conversations?limit=201", "limit must be a whole number from 1 to 200.")]
    [InlineData("/api/v1/conversations?status=closed", "status must be Open, WaitingOnCustomer or Resolved.")]
    [InlineData("/api/v1/conversations?status=2", "status must be Open, WaitingOnCustomer or Resolved.")]
    [InlineData("/api/v1/conversations?network=myspace", "network must be one of")]
    [InlineData("/api/v1/conversations?updatedSince=2026-11-01", "updatedSince must be an instant with its offset")]
    [InlineData("/api/v1/conversations?updatedSince=yesterday", "updatedSince must be an instant with its offset")]
    [InlineData("/api/v1/conversations?after=garbage", "after must be a next cursor this API gave out.")]
    [InlineData("/api/v1/figures?from=2026-11-10&to=2026-11-01", "The last day must not be before the first.")]
    [InlineData("/api/v1/figures?from=10/11/2026&to=2026-11-20", "from must be a date written yyyy-MM-dd.")]
    [InlineData("/api/v1/figures", "Choose the first and the last day.")]
    public async Task Bad_parameters_get_400_with_the_reason(string path, string reason)
    {
        var (key, _, _) = await MakeKeyAsync(factory, "delta");
        var response = await With(key).GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_and_figures_answer_for_the_key_s_brand()
    {
        var (key, _, _) = await MakeKeyAsync(factory, "delta");
        var client = With(key);
        var resolved = await JsonAsync(
            await client.GetAsync("/api/v1/conversations?status=resolved&network=x&updatedSince=2000-01-01T00:00:00Z&limit=200")
        );
        Assert.All(resolved.GetProperty("items").EnumerateArray(), c =>
        {
            Assert.Equal("Resolved", c.GetProperty("status").GetString());
            Assert.Equal("X", c.GetProperty("network").GetString());
        });
        var today = DateTime.UtcNow;
        var figures = await client.GetAsync($"/api/v1/figures?from={today.AddDays(-29):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
        var f = await JsonAsync(figures);
        Assert.Equal(30, f.GetProperty("days").GetArrayLength());
        Assert.True(f.GetProperty("period").GetProperty("messagesReceived").GetInt32() > 0);
        Assert.Equal("America/New_York", f.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task A_signed_in_person_s_cookie_neither_opens_the_api_nor_gets_in_the_way_of_a_key()
    {
        var admin = await factory.SignInAsync("admin@northbeam.example");
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/brand")).StatusCode);
        var (key, _, _) = await MakeKeyAsync(factory, "british-airways");
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var me = await admin.GetAsync("/api/v1/brand");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("British Airways", (await JsonAsync(me)).GetProperty("name").GetString());

        // A key of another agency's brand, sent with this agency's cookie: the key decides, and the cookie's agency is not mixed in.
        var other = await factory
            .Services.GetRequiredService<Agency.Infrastructure.Tenancy.CreateAgency>()
            .HandleAsync(
                "Other agency",
                "other-" + Guid.NewGuid().ToString("N")[..6],
                $"admin-{Guid.NewGuid():N}@other.example",
                "Other admin",
                "Europe/Paris"
            );
        var scope = TenantScope.ForAgency(other.AgencyId, TenantSource.User, "test", "Test");
        await using (var db = factory.Services.GetRequiredService<DatabaseSetup>().Create(scope))
        {
            var brand = new Agency.Domain.Tenancy.Brand
            {
                Name = "Elsewhere",
                Slug = "elsewhere",
                TimeZoneId = "Europe/Paris",
                CreatedAt = DateTime.UtcNow,
            };
            db.Brands.Add(brand);
            await db.SaveChangesAsync();
            scope = scope.WithBrand(brand.Id);
        }
        await using (var db = factory.Services.GetRequiredService<DatabaseSetup>().Create(scope))
        {
            var (row, secret) = ApiKey.Issue("Elsewhere", DateTime.UtcNow, "Test");
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync();
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        var theirs = await admin.GetAsync("/api/v1/brand");
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.Equal("Elsewhere", (await JsonAsync(theirs)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_openapi_description_lists_the_api_and_its_key_and_nothing_of_the_portal()
    {
        var response = await factory.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await JsonAsync(response);
        Assert.Equal("Agency brand API", doc.GetProperty("info").GetProperty("title").GetString());
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/v1/brand", "/api/v1/conversations", "/api/v1/conversations/{id}", "/api/v1/figures"], paths.Order());
        Assert.Equal(
            "bearer",
            doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("brandKey").GetProperty("scheme").GetString()
        );
        var list = doc.GetProperty("paths").GetProperty("/api/v1/conversations").GetProperty("get");
        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "updatedSince");
        Assert.True(list.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(
            doc.GetProperty("paths")
                .GetProperty("/api/v1/conversations/{id}")
                .GetProperty("get")
                .GetProperty("responses")
                .TryGetProperty("404", out _)
        );
        // Enumerations are written as their names, as the API sends them.
        Assert.Contains(
            "Resolved",
            doc.GetProperty("components").GetProperty("schemas").GetProperty("ConversationStatus").GetRawText(),
            StringComparison.Ordinal
        );
    }
}

/// <summary>The call limit per key.</summary>
public sealed class ApiLimitTests(ThrottledPortalFactory factory) : IClassFixture<ThrottledPortalFactory>
{
    [Fact]
    public async Task Past_the_limit_a_key_gets_429_with_when_to_try_again_and_another_key_is_not_held_up()
    {
        var brands = await factory.Services.GetRequiredService<CrossTenantReader>().ActiveBrandsAsync();
        var keys = new List<string>();
        foreach (var slug in new[] { "delta", "apple" })
        {
            var brand = brands.Single(b => b.Slug == slug);
            await using var db = factory
                .Services.GetRequiredService<DatabaseSetup>()
                .Create(TenantScope.ForBrand(brand.AgencyId, brand.BrandId, TenantSource.User, "test", "Test"));
            var (key, secret) = ApiKey.Issue("Limit", DateTime.UtcNow, "Test");
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            keys.Add(secret);
        }
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", keys[0]);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/brand")).StatusCode);
        var refused = await client.GetAsync("/api/v1/brand");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("3 calls a minute", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var other = factory.Anonymous();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", keys[1]);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/brand")).StatusCode);
    }
}
