using Agency.Portal.Features.Rostering;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Agency.Portal.Tests.Rostering;

public sealed class PreferredHoursEditorTests : BunitContext
{
    public PreferredHoursEditorTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Each_time_shows_its_own_message_and_typing_reaches_the_page()
    {
        string? from = "08:00",
            to = null;
        var cut = Render<PreferredHoursEditor>(p =>
            p.Add(x => x.From, from)
                .Add(x => x.FromChanged, v => from = v)
                .Add(x => x.To, to)
                .Add(x => x.ToChanged, v => to = v)
                .Add(x => x.ToError, "Enter both times, or leave both empty for any time.")
        );
        Assert.Contains("Enter both times", cut.Markup);
        Assert.DoesNotContain(PreferredHoursEditor.NotATime, cut.Markup);

        cut.Find("input[aria-label='Preferred to']").Input("16:00");
        Assert.Equal("16:00", to);
    }

    [Theory]
    [InlineData("08:00", "16:00", null)]
    [InlineData("8:30", "17:00", null)]
    [InlineData("", " ", null)]
    [InlineData("25:00", "16:00", "PreferredFrom")]
    [InlineData("08:00", "4pm", "PreferredTo")]
    public void Typed_times_are_read_as_hh_mm_and_anything_else_names_its_field(string from, string to, string? field)
    {
        var parsed = PreferredHoursEditor.Parse(from, to);
        Assert.Equal(field, parsed.Field);
        if (field is null && !string.IsNullOrWhiteSpace(from))
            Assert.Equal(TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), parsed.From);
        if (field is not null)
            Assert.Equal(PreferredHoursEditor.NotATime, parsed.Error);
    }
}
