using Agency.Domain.Common;

namespace Agency.Domain.Tests.Tenancy;

public class SlugTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("british-airways")]
    [InlineData("a1")]
    [InlineData("x")]
    public void Accepts_lower_case_letters_digits_and_inner_dashes(string slug) => Assert.True(Slug.IsValid(slug));

    [Theory]
    [InlineData("")]
    [InlineData("Acme")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("ac me")]
    [InlineData("acmé")]
    [InlineData("a/b")]
    [InlineData(null)]
    public void Refuses_anything_else(string? slug) => Assert.False(Slug.IsValid(slug));

    [Fact]
    public void Refuses_more_than_forty_characters() => Assert.False(Slug.IsValid(new string('a', 41)));

    [Theory]
    [InlineData("British Airways", "british-airways")]
    [InlineData("Marks & Spencer", "marks-spencer")]
    [InlineData("Café Nero", "cafe-nero")]
    [InlineData("  Delta  Air Lines ", "delta-air-lines")]
    public void Suggests_a_valid_slug_from_a_name(string name, string expected)
    {
        var slug = Slug.From(name);
        Assert.Equal(expected, slug);
        Assert.True(Slug.IsValid(slug));
    }
}
