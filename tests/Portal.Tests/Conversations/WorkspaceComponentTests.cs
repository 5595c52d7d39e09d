using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Routing;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Conversations;
using Agency.Infrastructure.Shifts;
using Agency.Portal.Features.Conversations;
using Agency.Portal.Features.Replies;
using Agency.Portal.Features.Routing;
using Agency.Portal.Features.Shifts;
using Agency.Portal.Features.Sla;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Agency.Portal.Tests.Conversations;

public sealed class ReplyComposerTests : ComponentTestBase
{
    private readonly List<ConversationActions.ReplyInput> sent = [];
    private Func<ConversationActions.ReplyInput, WorkResult> answer = _ => WorkResult.Done(1);

    private IRenderedComponent<ReplyComposer> RenderComposer(Network network = Network.X)
    {
        Render<MudPopoverProvider>();
        return Render<ReplyComposer>(p =>
            p.Add(x => x.Network, network)
                .Add(
                    x => x.Replies,
                    [
                        new Domain.Replies.SavedReply
                        {
                            Title = "Sorry to hear",
                            Text = "Hi {customer.name}, sorry to hear that. ^{agent.name}",
                        },
                    ]
                )
                .Add(x => x.Values, new Domain.Replies.SavedReply.Values("Pat Morgan", "patmorgan", "Ana Silva", "Acme"))
                .Add(
                    x => x.Send,
                    input =>
                    {
                        sent.Add(input);
                        return Task.FromResult(answer(input));
                    }
                )
        );
    }

    [Fact]
    public void Personal_data_in_a_public_reply_asks_first_and_sends_only_when_confirmed()
    {
        var cut = RenderComposer();
        cut.Find("textarea").Input("Email us at pat.morgan@example.com and we'll sort it");
        Button(cut, "Send").Click();
        cut.WaitForAssertion(() =>
            Assert.Contains("contains personal data (Email)", cut.Find("[aria-label='Confirm sending']").TextContent)
        );
        Assert.Empty(sent);

        Button(cut, "Send in public anyway").Click();
        cut.WaitForAssertion(() => Assert.Single(sent));
        Assert.True(sent[0].PersonalDataConfirmed);
        Assert.False(sent[0].IsPrivate);
    }

    [Fact]
    public void Moving_to_private_instead_empties_the_box_and_stops_typing()
    {
        var typing = new List<bool>();
        string? moved = null;
        Render<MudPopoverProvider>();
        var cut = Render<ReplyComposer>(p =>
            p.Add(x => x.Network, Network.X)
                .Add(x => x.Send, _ => Task.FromResult(WorkResult.Done(1)))
                .Add(x => x.OnTyping, (bool t) => typing.Add(t))
                .Add(x => x.OnMoveToPrivate, (string text) => moved = text)
        );
        cut.Find("textarea").Input("Email us at pat.morgan@example.com and we'll sort it");
        Button(cut, "Send").Click();
        cut.WaitForAssertion(() => Button(cut, "Move to private instead").Click());

        cut.WaitForAssertion(() => Assert.Equal("Email us at pat.morgan@example.com and we'll sort it", moved));
        Assert.False(typing[^1]); // the page follows the conversation again, so its next action is not refused as stale
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");
    }

    [Fact]
    public void A_private_message_with_personal_data_is_sent_without_the_warning()
    {
        var cut = RenderComposer();
        cut.Find("input[type=checkbox]").Change(true);
        cut.Find("textarea").Input("Your card ending 4242 4242 4242 4242 was refunded");
        Button(cut, "Send").Click();
        cut.WaitForAssertion(() => Assert.Single(sent));
        Assert.True(sent[0].IsPrivate);
        Assert.Empty(cut.FindAll("[aria-label='Confirm sending']"));
    }

    [Fact]
    public void A_reply_over_the_network_limit_is_refused_with_the_limit_shown()
    {
        var cut = RenderComposer();
        cut.Find("textarea").Input(new string('a', 281));
        cut.WaitForAssertion(() => Assert.Equal("281 / 280", cut.Find("[aria-label='Length']").TextContent.Trim()));
        Button(cut, "Send").Click();
        cut.WaitForAssertion(() => Assert.Contains("X / Twitter allows 280 characters in a public reply; this reply has 281.", cut.Markup));
        Assert.Empty(sent);
    }

    [Fact]
    public void Someone_else_s_reply_in_the_meantime_is_shown_before_sending_again()
    {
        answer = input =>
            input.SendDespiteChanges
                ? WorkResult.Done(3)
                : WorkResult.Changed("This conversation changed since you opened it. Sam replied at 10:02 UTC.");
        var cut = RenderComposer();
        cut.Find("textarea").Input("On it!");
        Button(cut, "Send").Click();
        cut.WaitForAssertion(() => Assert.Contains("Sam replied at 10:02 UTC", cut.Find("[aria-label='Confirm sending']").TextContent));
        Button(cut, "Send anyway").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, sent.Count));
        Assert.True(sent[1].SendDespiteChanges);
    }
}

public sealed class RuleEditorTests : ComponentTestBase
{
    private Brand brand = default!;
    private Guid teamId;
    private int saved;

    public RuleEditorTests()
    {
        Services.AddScoped<RoutingRuleSettings>();
        Services.AddScoped<SlaPolicySettings>();
        Services.AddScoped<SavedReplySettings>();
        Services.AddScoped<ShiftDesk>();
        Services.AddSingleton<ShiftBook>();
    }

    protected override async Task SeedAsync()
    {
        brand = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
        };
        var team = new Domain.Staff.Team { Name = "Care", BrandIds = [brand.Id] };
        await using (var db = Setup.Create(Tenant.Current))
        {
            db.Brands.Add(brand);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
        }
        teamId = team.Id;
        Tenant.SetBrand(brand.Id);
        await using var b = Setup.Create(Tenant.Current);
        var account = new ChannelAccount
        {
            Network = Network.X,
            Handle = "Acme",
            ExternalAccountId = "1",
            Department = Department.Marketing,
        };
        b.ChannelAccounts.Add(account);
        var now = DateTime.UtcNow;
        string[] texts = ["my battery dies by noon", "battery drains overnight", "love the new colours", "where is my parcel?"];
        for (var i = 0; i < texts.Length; i++)
            b.Posts.Add(
                new Post
                {
                    ChannelAccountId = account.Id,
                    ExternalId = $"p{i}",
                    AuthorExternalId = $"c{i}",
                    Text = texts[i],
                    Direction = Domain.Conversations.Direction.Inbound,
                    CreatedAt = now.AddMinutes(-i),
                    ReceivedAt = now,
                    Intent = Domain.Classification.Intent.Complaint,
                }
            );
        await b.SaveChangesAsync();
    }

    private IRenderedComponent<RuleEditor> RenderEditor(RoutingRuleDefinition rule)
    {
        Render<MudPopoverProvider>();
        return Render<RuleEditor>(p =>
            p.Add(x => x.Rule, rule).Add(x => x.IsNew, true).Add(x => x.Teams, [(teamId, "Care")]).Add(x => x.OnSaved, () => saved++)
        );
    }

    [Fact]
    public async Task A_bad_regular_expression_is_refused_at_save_and_nothing_is_stored()
    {
        var cut = RenderEditor(new RoutingRuleDefinition { Name = "" });
        InputLabelled(cut, "Name").Change("Broken");
        InputLabelled(cut, "Regular expression").Change("(unclosed");
        InputLabelled(cut, "Add tags").Change("x");
        Button(cut, "Save rule").Click();
        cut.WaitForAssertion(() => Assert.Contains("The regular expression cannot be used", cut.Markup));
        Assert.Equal(0, saved);
        await using var db = Setup.Create(Tenant.Current);
        Assert.Equal(0, await db.RoutingRules.CountAsync());
    }

    [Fact]
    public void A_rule_without_an_action_is_refused_with_the_field_message()
    {
        var cut = RenderEditor(new RoutingRuleDefinition { Name = "" });
        InputLabelled(cut, "Name").Change("Does nothing");
        Button(cut, "Save rule").Click();
        cut.WaitForAssertion(() => Assert.Contains("Choose at least one action.", cut.Markup));
    }

    [Fact]
    public async Task Preview_counts_the_recent_posts_the_rule_matches_and_saving_stores_it_in_the_brand()
    {
        var cut = RenderEditor(new RoutingRuleDefinition { Name = "" });
        InputLabelled(cut, "Name").Change("Battery");
        InputLabelled(cut, "Any of these words").Change("battery");
        InputLabelled(cut, "Add tags").Change("battery");
        Button(cut, "Preview on the last 1,000 posts").Click();
        cut.WaitForAssertion(() => Assert.Contains("2 of 4", cut.Find("[aria-label='Preview']").TextContent));
        Assert.Contains("2 would be forwarded from marketing to service", cut.Find("[aria-label='Preview']").TextContent);

        Button(cut, "Save rule").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, saved));
        await using var db = Setup.Create(Tenant.Current);
        var rule = await db.RoutingRules.SingleAsync();
        Assert.Equal((brand.Id, "Battery", 1), (rule.BrandId, rule.Name, rule.Order));
        Assert.Equal(["battery"], rule.Keywords);
    }
}
