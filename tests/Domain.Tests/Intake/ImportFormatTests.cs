using Agency.Domain.Intake;

namespace Agency.Domain.Tests.Intake;

public class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_line_breaks_and_emoji()
    {
        var records = Csv.Read(new StringReader("a,b,c\n1,\"hello, \"\"world\"\"\nnext line 😊\",3\r\n2,,x\n")).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal("hello, \"world\"\nnext line 😊", records[1].Fields[1]);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
        Assert.Equal(["2", "", "x"], records[2].Fields);
    }
}

public class TwcsImportTests
{
    private const string Header = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n";

    [Fact]
    public void Reads_the_data_set_s_quirks()
    {
        var (rows, rejected) = TwcsImport.Read(
            new StringReader(
                Header
                    + "1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,\"@115712 I understand, we'll help.\",\"2,5\",3.0\n"
                    + "3,115712,TRUE,Tue Oct 31 22:08:27 +0000 2017,@sprintcare no answer,1,\n"
            )
        );
        Assert.Empty(rejected);
        Assert.Equal(2, rows.Count);
        Assert.False(rows[0].Inbound);
        Assert.Equal("3", rows[0].InResponseToTweetId);
        Assert.Equal(["2", "5"], rows[0].ResponseTweetIds);
        Assert.True(rows[1].Inbound);
        Assert.Null(rows[1].InResponseToTweetId);
        Assert.Equal(new DateTime(2017, 10, 31, 22, 8, 27, DateTimeKind.Utc), rows[1].CreatedAt);
    }

    [Fact]
    public void Bad_rows_are_reported_with_line_and_reason_and_the_rest_is_read()
    {
        var (rows, rejected) = TwcsImport.Read(
            new StringReader(
                Header
                    + "x1,a,True,Tue Oct 31 22:10:47 +0000 2017,t,,\n"
                    + "2,a,maybe,Tue Oct 31 22:10:47 +0000 2017,t,,\n"
                    + "3,a,True,yesterday,t,,\n"
                    + "4,a,True\n"
                    + "5,a,True,Tue Oct 31 22:10:47 +0000 2017,fine,,\n"
            )
        );
        Assert.Single(rows);
        Assert.Equal([2, 3, 4, 5], rejected.Select(r => r.Line));
        Assert.Contains("tweet_id", rejected[0].Reason);
        Assert.Contains("inbound", rejected[1].Reason);
        Assert.Contains("created_at", rejected[2].Reason);
        Assert.Contains("columns", rejected[3].Reason);
    }

    [Fact]
    public void A_file_without_the_header_is_refused_whole()
    {
        var error = Assert.Throws<PayloadException>(() => TwcsImport.Read(new StringReader("id,text\n1,hi\n")));
        Assert.Contains("tweet_id", error.Message);
    }

    [Fact]
    public void Customer_tweets_belong_to_the_brand_in_their_chain_the_brand_that_answered_or_the_one_they_mention()
    {
        var (rows, _) = TwcsImport.Read(
            new StringReader(
                Header
                    + "1,AppleSupport,False,Tue Oct 31 22:10:47 +0000 2017,@9 try this,2,3\n"
                    + "2,9,True,Tue Oct 31 22:12:00 +0000 2017,@AppleSupport still broken,,1\n"
                    + "3,9,True,Tue Oct 31 22:00:00 +0000 2017,my phone is broken,1,\n"
                    + "4,8,True,Tue Oct 31 22:30:00 +0000 2017,@amazonhelp where is my parcel,,\n"
                    + "5,7,True,Tue Oct 31 22:31:00 +0000 2017,@SomeoneElse hi,,\n"
            )
        );
        var byId = rows.ToDictionary(r => r.TweetId);
        var known = new HashSet<string>(["AppleSupport", "AmazonHelp"], StringComparer.OrdinalIgnoreCase);
        Assert.Equal("AppleSupport", TwcsImport.HandleOf(byId["1"], byId, known));
        Assert.Equal("AppleSupport", TwcsImport.HandleOf(byId["2"], byId, known)); // chain
        Assert.Equal("AppleSupport", TwcsImport.HandleOf(byId["3"], byId, known)); // answered by
        Assert.Equal("AmazonHelp", TwcsImport.HandleOf(byId["4"], byId, known)); // mentioned
        Assert.Null(TwcsImport.HandleOf(byId["5"], byId, known));
        var reply = TwcsImport.ToItem(byId["1"], "AppleSupport", TimeSpan.Zero);
        Assert.True(reply.FromAccount);
        Assert.Equal("3", reply.InReplyToExternalId);
    }

    [Theory]
    [InlineData("3.0", "3")]
    [InlineData("119237", "119237")]
    [InlineData("1.5", null)]
    [InlineData("abc", null)]
    public void Ids_written_as_floats_are_ids(string value, string? expected) => Assert.Equal(expected, TwcsImport.Id(value));
}

public class JsonLinesImportTests
{
    [Fact]
    public void Reads_lines_and_reports_bad_ones()
    {
        var (lines, rejected) = JsonLinesImport.Read(
            new StringReader(
                "{\"account\":\"@AppleSupport\",\"id\":\"a1\",\"author_id\":\"42\",\"text\":\"help\",\"created_at\":\"2026-11-02T09:30:00Z\",\"extra\":1}\n"
                    + "\n"
                    + "{\"account\":\"AppleSupport\",\"id\":\"a2\",\"author_id\":\"AppleSupport\",\"text\":\"on it\",\"created_at\":\"2026-11-02T09:40:00+01:00\",\"in_reply_to\":\"a1\",\"outbound\":true}\n"
                    + "{not json}\n"
                    + "{\"account\":\"AppleSupport\",\"id\":\"a3\",\"author_id\":\"42\",\"created_at\":\"soon\"}\n"
                    + "{\"account\":\"AppleSupport\",\"id\":\"a4\",\"author_id\":\"42\",\"created_at\":\"2026-11-02T09:30:00Z\",\"kind\":\"fax\"}\n"
            )
        );
        Assert.Equal(2, lines.Count);
        Assert.Equal("AppleSupport", lines[0].Account);
        Assert.Equal(PostKind.Mention, lines[0].Item.Kind);
        Assert.True(lines[1].Item.FromAccount);
        Assert.Equal(new DateTime(2026, 11, 2, 8, 40, 0, DateTimeKind.Utc), lines[1].Item.CreatedAt);
        Assert.Equal([4, 5, 6], rejected.Select(r => r.Line));
        Assert.Contains("created_at", rejected[1].Reason);
        Assert.Contains("kind", rejected[2].Reason);
    }
}

public class EscapingTests
{
    [Fact]
    public void Html_escaped_text_from_X_is_read_as_written()
    {
        var (rows, _) = TwcsImport.Read(
            new StringReader(
                "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                    + "1,a,True,Tue Oct 31 22:10:47 +0000 2017,Settings &gt; General &amp; more &lt;3,,\n"
            )
        );
        Assert.Equal("Settings > General & more <3", rows[0].Text);
    }

    [Fact]
    public void Typographic_apostrophes_still_match_cues()
    {
        Assert.Equal(
            Agency.Domain.Classification.Intent.ServiceQuestion,
            Agency.Domain.Classification.RuleClassifier.Classify("Tried it and it still doesn\u2019t work").Intent
        );
    }
}
