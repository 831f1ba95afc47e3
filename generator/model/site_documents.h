#pragma once
// The documents of a site, in the site's order, read like a vector. A
// loaded site owns its documents; a language's view of it (language_view)
// holds its own selection and order of the loaded site's documents, shared:
// each of the other languages copied every document of the site and freed
// the copies again, about 5% of the CPU of a rebuild with nothing to do
// (10,000 documents, six languages).

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

#include "content/document.h"

namespace agora {

class SiteDocuments {
 public:
  // Over the documents as const Document&, in order.
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Document;
    using difference_type = std::ptrdiff_t;
    using pointer = const Document*;
    using reference = const Document&;

    const_iterator() = default;
    const_iterator(const SiteDocuments* list, size_t i) : list_(list), i_(i) {}
    reference operator*() const { return (*list_)[i_]; }
    pointer operator->() const { return &(*list_)[i_]; }
    reference operator[](difference_type n) const { return (*list_)[i_ + n]; }
    const_iterator& operator++() { return ++i_, *this; }
    const_iterator operator++(int) { return {list_, i_++}; }
    const_iterator& operator--() { return --i_, *this; }
    const_iterator operator--(int) { return {list_, i_--}; }
    const_iterator& operator+=(difference_type n) { return i_ += n, *this; }
    const_iterator& operator-=(difference_type n) { return i_ -= n, *this; }
    friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
    friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
    friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.i_ == b.i_;
    }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) {
      return a.i_ <=> b.i_;
    }

   private:
    const SiteDocuments* list_ = nullptr;
    size_t i_ = 0;
  };

  SiteDocuments() = default;
  // A view's documents: `shown` point into a site that outlives this list
  // and does not change while it lives.
  static SiteDocuments shared(std::vector<const Document*> shown) {
    SiteDocuments out;
    out.shared_ = std::move(shown);
    out.view_ = true;
    return out;
  }
  // Whether these are another site's documents (a language's view).
  bool is_view() const { return view_; }

  size_t size() const { return view_ ? shared_.size() : own_.size(); }
  bool empty() const { return size() == 0; }
  const Document& operator[](size_t i) const { return view_ ? *shared_[i] : own_[i]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  // Orders the documents by `less` (as std::sort: the same comparisons give
  // the same order, whether the documents are owned or shared).
  template <typename Less>
  void sort(Less less) {
    if (view_) {
      std::sort(shared_.begin(), shared_.end(),
                [&](const Document* a, const Document* b) { return less(*a, *b); });
    } else {
      std::sort(own_.begin(), own_.end(), less);
    }
  }

  // A loaded site's own documents, to fill and to resolve; a view has none.
  std::vector<Document>& own() { return own_; }
  void push_back(Document doc) { own_.push_back(std::move(doc)); }
  const Document* data() const { return view_ ? nullptr : own_.data(); }

 private:
  std::vector<Document> own_;
  std::vector<const Document*> shared_;
  bool view_ = false;
};

}  // namespace agora
