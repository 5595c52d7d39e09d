using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Portal.Features.Classification;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Direction = Agency.Domain.Conversations.Direction;

namespace Agency.Portal.Tests.Classification;

public sealed class LabelChipsTests : ComponentTestBase
{
    private static Post Labelled() =>
        new()
        {
            ExternalId = "1",
            AuthorExternalId = "2",
            Text = "card 4111 1111 1111 1111 charged twice!",
            Direction = Direction.Inbound,
            Intent = Intent.Complaint,
            IntentSource = LabelSource.Rule,
            IntentConfidence = 0.75,
            Sentiment = Sentiment.Negative,
            Urgency = Urgency.High,
            Language = "en",
            PersonalData = PersonalData.PaymentCard,
        };

    [Fact]
    public void Shows_each_label_with_where_it_came_from()
    {
        var cut = Render<LabelChips>(p => p.Add(x => x.Post, Labelled()));
        Assert.Contains("Complaint · rule", cut.Markup);
        Assert.Contains("Negative", cut.Markup);
        Assert.Contains("Urgent", cut.Markup);
        Assert.Contains("PaymentCard", cut.Markup);
        Assert.Empty(cut.FindAll("[aria-label='Correct the intent']"));
    }

    [Fact]
    public void A_person_who_may_correct_picks_another_intent_in_one_click()
    {
        Intent? chosen = null;
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<LabelChips>(p =>
            p.Add(x => x.Post, Labelled()).Add(x => x.OnCorrect, EventCallback.Factory.Create<Intent>(this, i => chosen = i))
        );
        cut.Find("[aria-label='Correct the intent'] button, button[aria-label='Correct the intent']").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-menu-item")));
        var items = popovers.FindAll(".mud-menu-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Complaint", items);
        popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Trim() == "Service question").Click();
        Assert.Equal(Intent.ServiceQuestion, chosen);
    }
}
