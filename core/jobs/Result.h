// Result values: what a step produced, or a sentence a person can act on.
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace lk {

template <typename T> class Result
{
public:
    static Result ok(T value) { return Result(std::move(value), {}); }
    static Result fail(QString error) { return Result(std::nullopt, std::move(error)); }

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const QString &error() const { return m_error; }

private:
    Result(std::optional<T> value, QString error)
        : m_value(std::move(value)), m_error(std::move(error))
    {
    }
    std::optional<T> m_value;
    QString m_error;
};

// For steps that produce nothing but success or a reason.
struct Status
{
    bool ok = true;
    QString error;

    static Status success() { return {}; }
    static Status failure(QString message) { return {false, std::move(message)}; }
    explicit operator bool() const { return ok; }
};

} // namespace lk
