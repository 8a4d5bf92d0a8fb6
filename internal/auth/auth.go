// Package auth holds the register's security primitives: password hashing
// (argon2id), random session and API tokens of which only a SHA-256 is
// stored, login rate limiting, and the roles with the one permission check
// every route goes through.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters (RFC 9106 "second recommended option" with a smaller
// memory size suited to a small shared server; OWASP's minimum is 19 MiB
// with t=2). They are written into every hash, so they can be raised
// later without invalidating stored hashes.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024 // KiB
	argonThreads = 1
	argonKeyLen  = 32
	saltLen      = 16
)

// maxMemory bounds the memory parameter a stored hash may ask for (256
// MiB), so a damaged or planted hash cannot exhaust the server.
const maxMemory = 256 * 1024

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// ErrWeakPassword reports a password below MinPasswordLength.
var ErrWeakPassword = fmt.Errorf("password must have at least %d characters", MinPasswordLength)

// HashPassword returns an encoded argon2id hash of password with a random
// salt: $argon2id$v=19$m=…,t=…,p=…$salt$hash (base64, unpadded).
func HashPassword(password string) (string, error) {
	if len([]rune(password)) < MinPasswordLength {
		return "", ErrWeakPassword
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches an encoded hash made by
// HashPassword. A malformed hash never matches.
func CheckPassword(encoded, password string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > maxMemory || t > 10 || p > 16 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 || len(want) > 64 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is checked against when a login names no known user, so that
// the response time does not tell whether an account exists. It is made on
// first use: an Argon2id hash costs about 50 ms of CPU, which every
// process importing the package (each `art28 check`) paid at start.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("art28-no-such-user-password")
	return h
})

// CheckNoUser spends the time of one password check and returns false.
func CheckNoUser(password string) bool {
	CheckPassword(dummyHash(), password)
	return false
}

// Token prefixes tell a session cookie from an API token at a glance (and
// let secret scanners recognise leaked API tokens).
const (
	SessionPrefix  = "a28s_"
	APITokenPrefix = "a28t_"
	SetupPrefix    = "a28setup_"
)

// NewToken returns a random token of 32 bytes (base64url) with prefix and
// the hex SHA-256 of the whole token, which is all that may be stored.
func NewToken(prefix string) (plain, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("random token: %w", err)
	}
	plain = prefix + base64.RawURLEncoding.EncodeToString(b)
	return plain, HashToken(plain), nil
}

// HashToken returns the hex SHA-256 of a token, the form it is stored and
// looked up in.
func HashToken(plain string) string {
	s := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(s[:])
}

// ErrForbidden reports a request the role does not permit.
var ErrForbidden = errors.New("forbidden")
