package discord

import (
	"context"
	"errors"
	"log/slog"
	"net/url"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// errAttr describes err for a log line without what it may carry: REST
// errors keep only their status and Discord error code (the body can echo a
// message), URLs are dropped (webhook URLs hold interaction tokens).
func errAttr(err error) slog.Attr {
	var rest *discordgo.RESTError
	var rl *discordgo.RateLimitError
	var ue *url.Error
	var ce *websocket.CloseError
	switch {
	case err == nil:
		return slog.String("err", "")
	case errors.Is(err, context.DeadlineExceeded):
		return slog.String("err", "timeout")
	case errors.Is(err, context.Canceled):
		return slog.String("err", "canceled")
	case errors.As(err, &rest):
		status, code := 0, 0
		if rest.Response != nil {
			status = rest.Response.StatusCode
		}
		if rest.Message != nil {
			code = rest.Message.Code
		}
		return slog.Group("err", "status", status, "discord_code", code)
	case errors.As(err, &rl):
		return slog.String("err", "rate limited")
	case errors.As(err, &ce):
		return slog.Group("err", "close_code", ce.Code)
	case errors.As(err, &ue):
		return slog.String("err", ue.Op+": "+ue.Err.Error())
	default:
		return slog.String("err", err.Error())
	}
}

// fatalClose reports whether err is a gateway close that retrying cannot fix
// (https://discord.com/developers/docs/topics/opcodes-and-status-codes):
// authentication failed, invalid shard, sharding required, invalid API
// version, invalid or disallowed intents.
func fatalClose(err error) (int, bool) {
	var ce *websocket.CloseError
	if !errors.As(err, &ce) {
		return 0, false
	}
	switch ce.Code {
	case 4004, 4010, 4011, 4012, 4013, 4014:
		return ce.Code, true
	}
	return ce.Code, false
}
