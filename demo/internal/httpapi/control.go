package httpapi

import (
	"errors"
	"net/http"
	"strings"

	"gosre/demo/internal/faults"
)

// Control is the fault injection API:
//
//	GET  /control/faults                  list faults and their state
//	GET  /control/faults/{name}           one fault
//	POST /control/faults/{name}/on?duration=30s&param=value
//	POST /control/faults/{name}/off
type Control struct {
	Faults *faults.Registry
}

// Prefix is where Control must be mounted.
const Prefix = "/control/faults"

func (c Control) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest := strings.Trim(strings.TrimPrefix(r.URL.Path, Prefix), "/")
	parts := strings.Split(rest, "/")
	switch {
	case rest == "":
		if !method(w, r, http.MethodGet) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]interface{}{"faults": c.Faults.List()})
	case len(parts) == 1:
		if !method(w, r, http.MethodGet) {
			return
		}
		st, err := c.Faults.Get(parts[0])
		reply(w, st, err)
	case len(parts) == 2 && (parts[1] == "on" || parts[1] == "off"):
		if !method(w, r, http.MethodPost) {
			return
		}
		if err := r.ParseForm(); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		if parts[1] == "on" {
			st, err := c.Faults.On(parts[0], r.Form)
			reply(w, st, err)
		} else {
			st, err := c.Faults.Off(parts[0])
			reply(w, st, err)
		}
	default:
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such control endpoint"})
	}
}

func method(w http.ResponseWriter, r *http.Request, want string) bool {
	if r.Method == want {
		return true
	}
	w.Header().Set("Allow", want)
	writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "use " + want})
	return false
}

func reply(w http.ResponseWriter, st faults.State, err error) {
	switch {
	case errors.Is(err, faults.ErrUnknown):
		writeJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
	case err != nil:
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
	default:
		writeJSON(w, http.StatusOK, st)
	}
}
