#include "query/query_impl.h"

#include <talash/error.h>

#include <utility>

namespace talash {
namespace {

using internal::QueryNode;

std::shared_ptr<Query::Impl> failed(std::string error) {
  auto impl = std::make_shared<Query::Impl>();
  impl->error = std::move(error);
  return impl;
}

QueryNode item(std::string_view text, bool phrase, bool exact) {
  QueryNode n;
  n.kind = QueryNode::Kind::kItem;
  n.item = {std::string(text), phrase, exact};
  return n;
}

// The query language spelling of a built query, for text() and for messages.
std::string render_item(const internal::QueryItem& item) {
  if (item.phrase) {
    return "\"" + item.text + "\"";
  }
  return (item.exact ? "=" : "") + item.text;
}

std::shared_ptr<Query::Impl> from_item(QueryNode node) {
  auto impl = std::make_shared<Query::Impl>();
  impl->text = render_item(node.item);
  impl->parsed.root = std::move(node);
  return impl;
}

// Combines parts under one operator; filters of the parts (lang:, doc:) carry over.
std::shared_ptr<Query::Impl> combine(const std::vector<const Query::Impl*>& impls,
                                     QueryNode::Kind kind, const char* op) {
  if (impls.empty()) {
    return failed(std::string("an empty list of parts for ") + op);
  }
  auto impl = std::make_shared<Query::Impl>();
  impl->parsed.root.kind = kind;
  for (const Query::Impl* part : impls) {
    if (!part->error.empty()) {
      return failed(part->error);
    }
    impl->parsed.root.children.push_back(part->parsed.root);
    if (!part->parsed.lang.empty()) {
      impl->parsed.lang = part->parsed.lang;
    }
    impl->parsed.doc_patterns.insert(impl->parsed.doc_patterns.end(),
                                     part->parsed.doc_patterns.begin(),
                                     part->parsed.doc_patterns.end());
    impl->text += (impl->text.empty() ? "(" : std::string(" ") + op + " ") + part->text;
  }
  impl->text += ")";
  return impl;
}

}  // namespace

Query::Query(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Query::Query(std::string_view text) {
  auto impl = std::make_shared<Impl>();
  impl->text = std::string(text);
  try {
    impl->parsed = internal::parse_query(text);
  } catch (const QueryError& e) {
    impl->error = e.what();
    impl->error_position = e.position();
    impl->error_length = e.length();
  }
  impl_ = std::move(impl);
}

Query Query::word(std::string_view word) { return Query(from_item(item(word, false, false))); }

Query Query::exact_word(std::string_view word) { return Query(from_item(item(word, false, true))); }

Query Query::phrase(std::string_view words) { return Query(from_item(item(words, true, true))); }

std::vector<const Query::Impl*> Query::impls_of(const std::vector<Query>& parts) {
  std::vector<const Impl*> impls;
  impls.reserve(parts.size());
  for (const Query& q : parts) {
    impls.push_back(q.impl_.get());
  }
  return impls;
}

Query Query::all_of(const std::vector<Query>& parts) {
  return Query(combine(impls_of(parts), QueryNode::Kind::kAnd, "AND"));
}

Query Query::any_of(const std::vector<Query>& parts) {
  return Query(combine(impls_of(parts), QueryNode::Kind::kOr, "OR"));
}

Query Query::near(const std::vector<Query>& parts, unsigned window) {
  if (parts.size() < 2) {
    return Query(failed("NEAR needs at least two words or phrases"));
  }
  const auto impls = impls_of(parts);
  for (const Impl* part : impls) {
    if (part->error.empty() && part->parsed.root.kind != QueryNode::Kind::kItem) {
      return Query(failed("NEAR takes only words and phrases, not " + part->text));
    }
  }
  auto impl = combine(impls, QueryNode::Kind::kNear, "NEAR");
  if (impl->error.empty()) {
    impl->parsed.root.window = window == 0 ? 1 : window;
  }
  return Query(std::move(impl));
}

Query Query::but_not(const Query& excluded) const {
  if (!impl_->error.empty()) {
    return *this;
  }
  if (!excluded.impl_->error.empty()) {
    return excluded;
  }
  auto impl = std::make_shared<Impl>(*impl_);
  QueryNode negated;
  negated.kind = QueryNode::Kind::kNot;
  negated.children.push_back(excluded.impl_->parsed.root);
  QueryNode both;
  both.kind = QueryNode::Kind::kAnd;
  both.children = {impl_->parsed.root, std::move(negated)};
  impl->parsed.root = std::move(both);
  impl->parsed.source.clear();  // the nodes' spans point into neither text now
  impl->text = "(" + impl_->text + " NOT " + excluded.impl_->text + ")";
  return Query(std::move(impl));
}

Query Query::in_language(std::string_view lang) const {
  if (lang != "ur" && lang != "fa" && lang != "en") {
    return Query(failed("unknown language '" + std::string(lang) + "' (use ur, fa or en)"));
  }
  auto impl = std::make_shared<Impl>(*impl_);
  impl->parsed.lang = std::string(lang);
  impl->text += " lang:" + std::string(lang);
  return Query(std::move(impl));
}

bool Query::ok() const { return impl_->error.empty(); }

const std::string& Query::error() const { return impl_->error; }

std::optional<std::size_t> Query::error_position() const { return impl_->error_position; }

std::size_t Query::error_length() const { return impl_->error_length; }

const std::vector<std::string>& Query::notices() const { return impl_->parsed.notices; }

const std::string& Query::text() const { return impl_->text; }

}  // namespace talash
