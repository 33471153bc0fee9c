package estimate

import "slices"

// Preset is a named scenario from a classic interview question. Every
// value carries a short note saying where the number comes from, so a
// user can defend (or change) it.
type Preset struct {
	Name    string        `json:"name"`
	Title   string        `json:"title"`
	Summary string        `json:"summary"`
	Values  []PresetValue `json:"values"`
}

// PresetValue is one documented assumption of a preset.
type PresetValue struct {
	Param string `json:"param"` // a Params() name, e.g. "dau"
	Value string `json:"value"` // as a user would type it, e.g. "300M"
	Note  string `json:"note"`
}

// presets lists the built-in presets in the order `--list` prints them;
// Presets returns a copy.
var presets = []Preset{
	{Name: "twitter", Title: "Twitter / X timeline", Summary: "Short posts, heavy timeline reads, some media.",
		Values: []PresetValue{
			{PDAU, "300M", "order of magnitude of X's reported daily users"},
			{PWritesPerUser, "2", "posts per active user per day (most users rarely post)"},
			{PReadWriteRatio, "5", "home-timeline page loads per post: ~100 timeline items read per post, 20 items a page"},
			{PWriteSize, "280B", "140 characters × 2 bytes, the classic text estimate"},
			{PMediaFraction, "10%", "one post in ten carries an image or clip"},
			{PMediaSize, "200KB", "a compressed image"},
			{PReadSize, "20KB", "a page of 20 timeline items (~1 KB each, with author and counters); media comes from the CDN"},
			{PRetention, "5y", "planning horizon for the storage budget"},
			{PReplication, "3", "three copies across failure domains"},
			{PServerQPS, "2K", "page loads per server: each reads a cached id list and hydrates ~20 tweets"},
		}},
	{Name: "url-shortener", Title: "URL shortener (bit.ly)", Summary: "Few writes, very many redirects, tiny records.",
		Values: []PresetValue{
			{PWrites, "100M/month", "new links per month; the most-cited version says 100M a day: try --writes 100M/day --reads 10B/day (30× every figure)"},
			{PReads, "10B/month", "redirects per month: 100 reads per write"},
			{PWriteSize, "500B", "long URL, code, owner and timestamps"},
			{PReadSize, "500B", "a 302 response with its Location header"},
			{PRetention, "10y", "links are expected to live for years"},
			{PReplication, "3", "three copies across failure domains"},
			{PServerQPS, "10K", "a redirect is a cache lookup and a 302: the cheap, cached read path"},
		}},
	{Name: "instagram", Title: "Instagram photo feed", Summary: "Photo uploads into object storage, feed reads through a CDN.",
		Values: []PresetValue{
			{PWrites, "50M/day", "photos uploaded per day (by ~500M daily users: one in ten posts)"},
			{PReadWriteRatio, "100", "feed views per upload"},
			{PWriteSize, "1KB", "photo metadata row: owner, caption, location, timestamps"},
			{PMediaFraction, "100%", "every upload is a photo"},
			{PMediaSize, "2MB", "the original plus resized variants"},
			{PReadSize, "200KB", "one feed-sized image, mostly served by the CDN"},
			{PRetention, "10y", "photos are kept indefinitely; plan ten years"},
			{PReplication, "3", "three copies (object stores may use erasure coding instead)"},
			{PServerQPS, "10K", "each view is a small cached metadata read; image bytes come from the CDN"},
		}},
	{Name: "youtube", Title: "YouTube video platform", Summary: "Few huge uploads, billions of streamed views.",
		Values: []PresetValue{
			{PDAU, "1B", "order of magnitude of daily viewers"},
			{PWrites, "5M/day", "videos uploaded per day"},
			{PReads, "5B/day", "video views per day"},
			{PWriteSize, "1KB", "video metadata row"},
			{PMediaFraction, "100%", "every upload is a video"},
			{PMediaSize, "500MB", "a ~10-minute upload transcoded into several resolutions"},
			{PReadSize, "50MB", "an average partial view: ~5 minutes at ~1.3 Mbps"},
			{PRetention, "10y", "videos are kept indefinitely; plan ten years"},
			{PReplication, "3", "three copies of originals and renditions"},
			{PServerQPS, "10K", "per view, a cached metadata and manifest read; video bytes come from the CDN"},
		}},
	{Name: "whatsapp", Title: "WhatsApp messaging", Summary: "Huge message rate, store-and-forward, short retention.",
		Values: []PresetValue{
			{PDAU, "2B", "order of magnitude of WhatsApp's daily users"},
			{PWritesPerUser, "40", "messages sent per user per day"},
			{PReadWriteRatio, "1", "a 1:1 message is delivered (read) once"},
			{PWriteSize, "100B", "an encrypted text message with headers"},
			{PMediaFraction, "5%", "one message in twenty carries media"},
			{PMediaSize, "100KB", "a compressed photo or voice note"},
			{PReadSize, "100B", "delivery of one text message; media is fetched from the CDN, so egress here is below ingress, which counts media uploads"},
			{PRetention, "30d", "messages are held only until delivered; 30 days bounds it"},
			{PReplication, "3", "three copies until delivery"},
			{PServerQPS, "10K", "messages relayed per gateway over open connections; open connections, not requests, size that tier"},
		}},
	{Name: "uber", Title: "Uber ride hailing", Summary: "Driver location updates dominate writes.",
		Values: []PresetValue{
			{PDAU, "5M", "active drivers on a given day (the writers)"},
			{PWritesPerUser, "7200", "one location update every 4 s over an 8-hour shift"},
			{PReads, "2B/day", "rider nearby-driver queries and trip polling"},
			{PWriteSize, "100B", "driver id, lat/lng, heading, speed, timestamp"},
			{PReadSize, "1KB", "a list of nearby drivers or a trip status"},
			{PPeakFactor, "3", "rush hours and events are spikier than 2×"},
			{PRetention, "1y", "location history for trips, support and analytics"},
			{PReplication, "3", "three copies across failure domains"},
			{PServerQPS, "10K", "a location update is a small in-memory write; trip writes are far fewer"},
		}},
	{Name: "netflix", Title: "Netflix streaming", Summary: "Egress-dominated: a few hours of video per user per day.",
		Values: []PresetValue{
			{PDAU, "100M", "members streaming on a given day"},
			{PWritesPerUser, "120", "playback and heartbeat events per user per day"},
			{PWriteSize, "200B", "one playback event"},
			{PReadsPerUser, "2", "stream sessions per user per day"},
			{PReadSize, "2.25GB", "one hour of video at 5 Mbps"},
			{PRetention, "1y", "viewing history used for recommendations"},
			{PReplication, "3", "three copies across failure domains"},
			{PServerQPS, "10K", "batched event ingestion and session starts; video is sized by egress, not requests"},
		}},
	{Name: "web-crawler", Title: "Web crawler", Summary: "Write-only: fetch and store a billion pages a month.",
		Values: []PresetValue{
			{PWrites, "1B/month", "pages fetched per month"},
			{PWriteSize, "100KB", "an HTML page without images, scripts or styles (HTML alone is ~30–100 KB)"},
			{PRetention, "5y", "keep five years of snapshots"},
			{PReplication, "3", "three copies across failure domains"},
			{PServerQPS, "10K", "the requests rule of thumb; fetching is latency-bound, so count fetches in flight instead"},
		}},
	{Name: "notification-system", Title: "Notification system", Summary: "Push, email and SMS fan-out with bursty campaigns.",
		Values: []PresetValue{
			{PWrites, "16M/day", "10M push + 5M email + 1M SMS notifications per day"},
			{PWriteSize, "1KB", "a notification record: recipient, template, payload, status"},
			{PPeakFactor, "5", "campaigns and breaking events arrive in bursts"},
			{PRetention, "90d", "delivery logs kept for support and analytics"},
			{PReplication, "3", "three copies across failure domains"},
			{PServerQPS, "10K", "API calls that store and enqueue; provider rate limits, not servers, cap sending"},
		}},
	{Name: "dropbox", Title: "Dropbox / Google Drive", Summary: "File sync: large uploads and downloads to other devices.",
		Values: []PresetValue{
			{PDAU, "10M", "daily active users"},
			{PWritesPerUser, "2", "file uploads per user per day"},
			{PWriteSize, "1KB", "file metadata row"},
			{PMediaFraction, "100%", "every write carries file content"},
			{PMediaSize, "500KB", "an average file"},
			{PReadsPerUser, "4", "downloads and syncs to other devices"},
			{PReadSize, "500KB", "an average file"},
			{PRetention, "10y", "files are kept until deleted; plan ten years"},
			{PReplication, "3", "three copies (or erasure coding at a lower overhead)"},
			{PServerQPS, "1K", "metadata calls per server: a commit is a database transaction; file bytes bypass the servers"},
		}},
	{Name: "pastebin", Title: "Pastebin", Summary: "Text snippets: modest writes, 5× reads.",
		Values: []PresetValue{
			{PWrites, "1M/day", "new pastes per day"},
			{PReadWriteRatio, "5", "reads per paste"},
			{PWriteSize, "10KB", "an average paste"},
			{PReadSize, "10KB", "one paste returned"},
			{PRetention, "10y", "pastes without expiry are kept; plan ten years"},
			{PReplication, "3", "three copies across failure domains"},
			{PServerQPS, "5K", "a paste read is a cache hit or an object-store fetch of ~10 KB"},
		}},
	{Name: "rate-limiter", Title: "Distributed rate limiter", Summary: "A decision per request; state is small and expires.",
		Values: []PresetValue{
			{PDAU, "100M", "users whose requests are limited"},
			{PWritesPerUser, "1", "one limiter state record per user per day"},
			{PWriteSize, "100B", "key, counter or token count, and timestamp"},
			{PReadsPerUser, "100", "rate-limit decisions per user per day (each an atomic read-modify-write)"},
			{PReadSize, "100B", "the counter state read and written per decision"},
			{PRetention, "1d", "state expires with its TTL, so the total is the live state in memory"},
			{PReplication, "1", "limiter state is usually not replicated; losing it only resets counts"},
			{PServerQPS, "50K", "decisions per Redis primary: ~100K simple commands/s, halved for the script and headroom"},
		}},
	{Name: "typeahead", Title: "Search autocomplete (typeahead)", Summary: "A suggestion request per keystroke, served from memory; logs rebuild it.",
		Values: []PresetValue{
			{PDAU, "10M", "daily users of the search box"},
			{PWritesPerUser, "10", "searches per user per day, each logged once when submitted"},
			{PReadsPerUser, "200", "suggestion requests: 10 searches × ~20 keystrokes, before debouncing"},
			{PWriteSize, "50B", "a logged query: ~20 characters plus time, locale and a user hash"},
			{PReadSize, "500B", "the top 10 suggestions as JSON"},
			{PRetention, "1y", "query logs kept for rebuilding the suggestions and for trends"},
			{PReplication, "3", "three copies across failure domains"},
			{PServerQPS, "10K", "a lookup of precomputed top suggestions in memory: a cheap, cached read"},
		}},
	{Name: "ticket-booking", Title: "Ticket booking (Ticketmaster)", Summary: "Many seat-map reads, few bookings that must never collide, bursty on-sales.",
		Values: []PresetValue{
			{PDAU, "10M", "daily users browsing events and seat maps"},
			{PWrites, "1M/day", "tickets booked on an ordinary day"},
			{PReadsPerUser, "50", "event pages, seat-map views and availability polls per user per day"},
			{PWriteSize, "1KB", "a booking: user, event, seats, price, payment reference, status"},
			{PReadSize, "10KB", "an event page or one section of a seat map with availability"},
			{PPeakFactor, "10", "on-sales bunch demand into minutes; a waiting room absorbs the rest"},
			{PRetention, "10y", "bookings are financial records, kept for years"},
			{PReplication, "3", "three copies across failure domains"},
			{PServerQPS, "5K", "mostly cached seat-map reads; a booking transaction costs far more"},
		}},
}

// PresetByName finds a preset.
func PresetByName(name string) (*Preset, bool) {
	i := slices.IndexFunc(presets, func(p Preset) bool { return p.Name == name })
	if i < 0 {
		return nil, false
	}
	p := presets[i] // a copy: the caller cannot change the preset
	return &p, true
}

// PresetNames lists the preset names.
func PresetNames() []string {
	names := make([]string, len(presets))
	for i, p := range presets {
		names[i] = p.Name
	}
	return names
}

// Presets returns the built-in presets in the order `--list` prints them.
// The slice is a copy (the presets' own Values are shared: treat them as
// read-only).
func Presets() []Preset { return slices.Clone(presets) }
