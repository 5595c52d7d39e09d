namespace Agency.Domain.Tests.Intake;

/// <summary>Deliveries in the shapes the platforms document (Meta Graph API webhooks, X Account Activity API).</summary>
public static class Fixtures
{
    public const string PageId = "104520178829391";
    public const string InstagramId = "17841405822304914";
    public const string XUserId = "3001969357";

    public const string FacebookFeedComment = """
        {"object":"page","entry":[{"id":"104520178829391","time":1730000000,"changes":[{"field":"feed","value":{
          "from":{"id":"5821034471234567","name":"Jamie Rivera"},
          "post":{"status_type":"added_photos","is_published":true,"updated_time":"2024-10-27T03:33:20+0000","permalink_url":"https://www.facebook.com/x","promotion_status":"inactive","id":"104520178829391_122104587"},
          "message":"My order #A-22817 still hasn't arrived, can you help?","post_id":"104520178829391_122104587",
          "comment_id":"122104587_998877665","created_time":1730000000,"item":"comment","parent_id":"104520178829391_122104587","verb":"add"}}]}]}
        """;

    public const string FacebookFeedReplyToComment = """
        {"object":"page","entry":[{"id":"104520178829391","time":1730000100,"changes":[{"field":"feed","value":{
          "from":{"id":"5821034471234567","name":"Jamie Rivera"},"message":"Any news?","post_id":"104520178829391_122104587",
          "comment_id":"122104587_998877700","created_time":1730000100,"item":"comment","parent_id":"122104587_998877665","verb":"add"}}]}]}
        """;

    public const string FacebookVisitorPost = """
        {"object":"page","entry":[{"id":"104520178829391","time":1730000200,"changes":[{"field":"feed","value":{
          "from":{"id":"6610000000000001","name":"Sam Lee"},"message":"Love the new store in Leeds!","post_id":"104520178829391_555",
          "created_time":1730000200,"item":"status","verb":"add","published":1}}]}]}
        """;

    public const string FacebookLikeAndEdit = """
        {"object":"page","entry":[{"id":"104520178829391","time":1730000300,"changes":[
          {"field":"feed","value":{"item":"reaction","verb":"add","reaction_type":"like","from":{"id":"1"},"post_id":"104520178829391_555","created_time":1730000300}},
          {"field":"feed","value":{"item":"comment","verb":"edited","comment_id":"122104587_998877665","from":{"id":"5821034471234567"},"message":"edited","post_id":"104520178829391_122104587","created_time":1730000300}}]}]}
        """;

    public const string MessengerMessage = """
        {"object":"page","entry":[{"id":"104520178829391","time":1730000400123,"messaging":[
          {"sender":{"id":"7001234567890123"},"recipient":{"id":"104520178829391"},"timestamp":1730000400123,
           "message":{"mid":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P","text":"Hi, I need to change my delivery address"}}]}]}
        """;

    public const string MessengerEchoAndRead = """
        {"object":"page","entry":[{"id":"104520178829391","time":1730000500000,"messaging":[
          {"sender":{"id":"104520178829391"},"recipient":{"id":"7001234567890123"},"timestamp":1730000500000,
           "message":{"is_echo":true,"app_id":1517776481860111,"mid":"m_echo_1","text":"Sure, what is the new address?"}},
          {"sender":{"id":"7001234567890123"},"recipient":{"id":"104520178829391"},"timestamp":1730000500100,"read":{"watermark":1730000500000}}]}]}
        """;

    public const string InstagramComment = """
        {"object":"instagram","entry":[{"id":"17841405822304914","time":1730001000,"changes":[{"field":"comments","value":{
          "from":{"id":"232323232","username":"test.user"},"media":{"id":"123123123","media_product_type":"FEED"},
          "id":"17865799348089039","text":"Is this available in blue?"}}]}]}
        """;

    public const string InstagramMention = """
        {"object":"instagram","entry":[{"id":"17841405822304914","time":1730001100,"changes":[{"field":"mentions","value":{
          "media_id":"17918195224117851","comment_id":"17894227972186120"}}]}]}
        """;

    public const string InstagramMessage = """
        {"object":"instagram","entry":[{"id":"17841405822304914","time":1730001200000,"messaging":[
          {"sender":{"id":"4455667788"},"recipient":{"id":"17841405822304914"},"timestamp":1730001200000,
           "message":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx","text":"My card was charged twice"}}]}]}
        """;

    public const string XMention = """
        {"for_user_id":"3001969357","user_has_blocked":false,"tweet_create_events":[{
          "created_at":"Tue Oct 31 22:10:47 +0000 2017","id":930465498211397632,"id_str":"930465498211397632",
          "text":"@AcmeCare my flight was cancelled and nobody is answering the phone","source":"web","truncated":false,
          "in_reply_to_status_id":null,"in_reply_to_status_id_str":null,"in_reply_to_user_id_str":"3001969357",
          "user":{"id":115712,"id_str":"115712","name":"Pat Morgan","screen_name":"patmorgan","followers_count":1532},
          "entities":{"hashtags":[],"user_mentions":[{"screen_name":"AcmeCare","id_str":"3001969357"}]},"lang":"en"}]}
        """;

    public const string XOwnReply = """
        {"for_user_id":"3001969357","tweet_create_events":[{
          "created_at":"Tue Oct 31 22:20:01 +0000 2017","id_str":"930465498211397700",
          "text":"@patmorgan We're sorry to hear that. Please DM us your booking reference.","in_reply_to_status_id_str":"930465498211397632",
          "user":{"id_str":"3001969357","name":"Acme Care","screen_name":"AcmeCare","followers_count":90000}}]}
        """;

    public const string XExtendedTweet = """
        {"for_user_id":"3001969357","tweet_create_events":[{
          "created_at":"Wed Nov 01 08:00:00 +0000 2017","id_str":"930600000000000001","truncated":true,
          "text":"@AcmeCare this is the start of a long…","extended_tweet":{"full_text":"@AcmeCare this is the start of a long complaint about my lost bag, which is still missing after 3 days"},
          "user":{"id_str":"99","screen_name":"longwriter","name":"Long Writer"}}]}
        """;

    public const string XDirectMessage = """
        {"for_user_id":"3001969357","direct_message_events":[{"type":"message_create","id":"954491830116155396","created_timestamp":"1516403560557",
          "message_create":{"target":{"recipient_id":"3001969357"},"sender_id":"115712","message_data":{"text":"Booking ref ZX81QP, card 4111 1111 1111 1111","entities":{}}}}],
         "users":{"115712":{"id":"115712","name":"Pat Morgan","screen_name":"patmorgan"},"3001969357":{"id":"3001969357","name":"Acme Care","screen_name":"AcmeCare"}}}
        """;

    public const string XFavoriteOnly = """
        {"for_user_id":"3001969357","favorite_events":[{"id":"a7ba59eab0bfcba386f7acedac279542","created_at":"Mon Mar 26 16:33:26 +0000 2018","favorited_status":{"id_str":"1"}}]}
        """;
}
